package health.cms.core.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersHeadingsWithAnchorsAndATableOfContents() {
        RenderedMarkdown rendered = renderer.render("""
                Intro paragraph.

                ## What is immunotherapy?

                Text.

                ### Checkpoint inhibitors

                ## Side effects and risks
                """);
        assertTrue(rendered.html().contains("<h2 id=\"what-is-immunotherapy\">What is immunotherapy?</h2>"), rendered.html());
        assertEquals(List.of(
                new TocEntry(2, "What is immunotherapy?", "what-is-immunotherapy"),
                new TocEntry(3, "Checkpoint inhibitors", "checkpoint-inhibitors"),
                new TocEntry(2, "Side effects and risks", "side-effects-and-risks")), rendered.toc());
    }

    @Test
    void keepsTablesListsAndSafeLinks() {
        String html = renderer.render("""
                - one
                - two

                | Dose | Unit |
                |------|------|
                | 5    | mg   |

                [NICE](https://www.nice.org.uk/)
                """).html();
        assertTrue(html.contains("<ul>"), html);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<td>5</td>"), html);
        assertTrue(html.contains("href=\"https://www.nice.org.uk/\""), html);
        assertTrue(html.contains("noopener") && html.contains("noreferrer"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "![x](javascript:alert(1))",
            "<svg onload=alert(1)><circle r=1></circle></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<body onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<input autofocus onfocus=alert(1)>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"javascript:alert(1)\">",
            "<form action=\"javascript:alert(1)\"><button>x</button></form>",
            "<scr<script>ipt>alert(1)</script>",
            "<h2 id=\"x\" onclick=\"alert(1)\">Heading</h2>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<p onmouseover=alert(1)>hover</p>",
            "<a href=\"  javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
    })
    void sanitizerStripsXssPayloads(String payload) {
        String html = renderer.render("Text before.\n\n" + payload + "\n\nText after.").html().toLowerCase(Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("vbscript:"), html);
        assertFalse(html.contains("data:text/html"), html);
        assertFalse(html.matches("(?s).*<[^>]*\\son[a-z]+\\s*=.*"), "event handler survived: " + html);
        assertFalse(html.contains("<iframe") || html.contains("<object") || html.contains("<embed")
                || html.contains("<svg") || html.contains("<form") || html.contains("<meta")
                || html.contains("<style") || html.contains("style="), html);
        assertTrue(html.contains("text before."), "the content before the payload survives: " + html);
    }
}
