package health.cms.core.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import health.cms.core.testing.HostileMarkup;

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
    void theTableOfContentsShowsHeadingsAsReadersSeeThem() {
        RenderedMarkdown rendered = renderer.render("""
                ## Dose &lt;5 mg&gt; `daily`

                ## <scr<script>ipt>alert(1)</scr</script>ipt> risks

                ## <style>hidden words</style>Side effects
                """);
        assertEquals(List.of("Dose <5 mg> daily", "<script> risks", "Side effects"),
                rendered.toc().stream().map(TocEntry::text).toList(),
                "text the sanitizer removed never reaches the table of contents: " + rendered.html());
    }

    @Test
    void aBodyOfTwentyThousandHeadingsGetsATableOfContentsCappedAtFiveHundred() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append(i % 2 == 0 ? "## " : "### ").append("Heading ").append(i).append("\n\n");
        }

        RenderedMarkdown rendered = renderer.render(body.toString());

        assertEquals(MarkdownRenderer.MAX_ANCHORED_HEADINGS, rendered.toc().size());
        assertEquals(500, MarkdownRenderer.MAX_ANCHORED_HEADINGS, "the documented cap");
        assertEquals(new TocEntry(2, "Heading 0", "heading-0"), rendered.toc().get(0));
        assertEquals(new TocEntry(3, "Heading 499", "heading-499"), rendered.toc().get(499));
        assertTrue(rendered.html().contains("<h3 id=\"heading-499\">Heading 499</h3>"));
        assertTrue(rendered.html().contains("<h2>Heading 500</h2>"), "past the cap a heading keeps its text, not an anchor");
        assertTrue(rendered.html().contains("<h3>Heading 19999</h3>"));
    }

    @Test
    void headingsOfEveryLevelShareTheAnchorCap() {
        String body = "#### Minor\n\n".repeat(MarkdownRenderer.MAX_ANCHORED_HEADINGS) + "## Late section\n";

        RenderedMarkdown rendered = renderer.render(body);

        assertEquals(List.of(), rendered.toc());
        assertTrue(rendered.html().contains("<h2>Late section</h2>"), rendered.html().substring(rendered.html().length() - 80));
    }

    @Test
    void theTextOfAHeadingComesFromItsOwnElementOnly() {
        RenderedMarkdown rendered = renderer.render("""
                ## First &amp; *second*

                Paragraph with <h3>raw heading</h3> inside.

                ### Third <br> line

                ## First & second
                """);
        assertEquals(List.of(
                new TocEntry(2, "First & second", "first--second"),
                new TocEntry(3, "Third line", "third--line"),
                new TocEntry(2, "First & second", "first--second-1")), rendered.toc(), rendered.html());
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

    /** The whole hostile-content corpus, alone and inside Markdown, through both entry points of the renderer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("health.cms.core.testing.HostileMarkup#payloads")
    void nothingOfTheHostileCorpusSurvivesAsExecutableMarkup(HostileMarkup.Payload payload) {
        for (String markdown : HostileMarkup.inMarkdown(payload)) {
            String html = renderer.render(markdown).html();
            assertEquals(List.of(), HostileMarkup.executable(html), "Markdown " + markdown + " rendered " + html);
        }
        String sanitized = renderer.sanitize(payload.text());
        assertEquals(List.of(), HostileMarkup.executable(sanitized), "sanitized " + sanitized);
    }

    @Test
    void theCorpusHasOverAHundredPayloadsAndTheCheckFlagsThemRaw() {
        List<HostileMarkup.Payload> payloads = HostileMarkup.payloads();
        assertTrue(payloads.size() >= 100, "payloads: " + payloads.size());
        long flagged = payloads.stream().filter(p -> !HostileMarkup.executable(p.text()).isEmpty()).count();
        // Markdown links, escaped text and template syntax are not HTML yet; everything else must be caught raw.
        assertTrue(flagged >= 90, "the check would catch " + flagged + " payloads had they survived");
    }

    @Test
    void theCheckReadsTagsAsABrowserWouldAndLeavesEscapedTextAlone() {
        assertFalse(HostileMarkup.executable("<a href=\"jav&#x09;ascript:alert(1)\">x</a>").isEmpty());
        assertFalse(HostileMarkup.executable("<a href=\"&#0000106avascript:alert(1)\">x</a>").isEmpty());
        assertFalse(HostileMarkup.executable("<A HREF=' DATA:text/html,x'>x</A>").isEmpty());
        assertFalse(HostileMarkup.executable("<img src=x ONERROR=alert(1)>").isEmpty());
        assertFalse(HostileMarkup.executable("<meta http-equiv=refresh content=\"0; URL=javascript:alert(1)\">").isEmpty());
        assertFalse(HostileMarkup.executable("<p style=\"background: url(x)\">x</p>").isEmpty());
        assertEquals(List.of(), HostileMarkup.executable("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(List.of(), HostileMarkup.executable("<input value=\"javascript:alert(1)\" title=\"onload=x\">"));
        assertEquals(List.of(),
                HostileMarkup.executable("<a href=\"https://example.org/?q=javascript:\" rel=\"noopener\">x</a>"));
    }
}
