package health.cms.core.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import health.cms.core.testing.HostileMarkup;

/** No image reaches a reader from any host, and the served Markdown carries nothing the sanitizer removed. */
class ImagesAndServedMarkdownTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** What a downstream site that renders the served Markdown itself, without sanitizing, would show. */
    private static final Parser NAIVE_PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer NAIVE_RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create())).build();

    @Test
    void noImageFromAnyHostSurvivesTheSanitizer() {
        String html = renderer.render("""
                ![chart](https://tracker.example/pixel.png)

                <img src="https://tracker.example/swap-after-sign-off.png" alt="dose chart">

                Text after.
                """).html();
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), html);
        assertFalse(html.contains("tracker.example"), html);
        assertTrue(html.contains("Text after."), html);
    }

    @Test
    void aLibraryImageRendersAsOurPictureWithItsSignedDescriptionAndNothingElseGetsThrough() {
        String sha = "a".repeat(64);
        String base = "https://api.example/media/" + sha + "/";
        String srcset = base + "320.jpg 320w, " + base + "640.jpg 640w";
        Picture picture = new Picture("A red rash", "Typical rash", "Photo: Clinic", 1600, 900, base + "original.jpg",
                srcset);
        String html = renderer.render("Before.\n\n![written alt](media:" + sha + ")\n\n![x](media:" + "b".repeat(64)
                + ")\n\n<img src=\"https://tracker.example/p.png\">\n\n<img src=\"" + base + "320.jpg\">\n\nAfter.",
                Map.of(sha, picture)).html();
        assertTrue(html.contains("<img src=\"" + base + "original.jpg\" srcset=\"" + base + "320.jpg 320w"), html);
        assertTrue(html.contains(base + "640.jpg 640w\""), html);
        assertTrue(html.contains("alt=\"A red rash\" width=\"1600\" height=\"900\" loading=\"lazy\""), html);
        assertTrue(html.contains("sizes=\"(max-width: 1600px) 100vw, 1600px\""), html);
        assertTrue(html.contains("<figure class=\"media\">"), html);
        assertTrue(html.contains("<figcaption>Typical rash <small>Photo: Clinic</small></figcaption>"), html);
        assertEquals(1, html.split("<img", -1).length - 1, "only the library picture: " + html);
        assertFalse(html.contains("tracker.example") || html.contains("b".repeat(64)), html);
        assertTrue(html.contains("After."), html);
    }

    @Test
    void imagesAreFoundHoweverTheyAreWritten() {
        List<String> images = renderer.images("""
                ![x](https://a.example/one.png "title")

                Inline <IMG SRC=https://b.example/two.png> and <img
                src="https://c.example/three.png">.

                <div><img src='https://d.example/four.png' onerror=alert(1)></div>

                [![linked](https://e.example/five.png)](https://example.org)

                <img alt="no source">
                """);
        assertEquals(List.of("https://a.example/one.png", "https://b.example/two.png", "https://c.example/three.png",
                "https://d.example/four.png", "https://e.example/five.png", ""), images);
        assertEquals(List.of(), renderer.images("No image here, only `<img src=x>` as code, &lt;img&gt; as text "
                + "and <img/src=x>, which Markdown shows as text."));
    }

    @Test
    void theServedMarkdownDoesNotCarryWhatTheSanitizerRemoved() {
        String served = renderer.publicMarkdown("""
                ## Dosage

                Take 5 mg<script>steal()</script> daily, see [the leaflet](javascript:alert(1)).

                <iframe src="https://evil.example"></iframe>

                [ref]: vbscript:msgbox(1)

                Keep [NICE](https://www.nice.org.uk/) and <scr<b>ipt>alert(2)</script>.
                """);
        String lower = served.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("javascript:") || lower.contains("vbscript:")
                || lower.contains("<iframe"), served);
        assertTrue(served.contains("## Dosage"), served);
        assertTrue(served.contains("Take 5 mg daily"), "the script's text goes with it, as in the HTML: " + served);
        assertTrue(served.contains("see the leaflet."), "a refused link keeps its text: " + served);
        assertTrue(served.contains("[NICE](https://www.nice.org.uk/)"), "safe links stay as written: " + served);
    }

    @Test
    void markdownWithoutRawHtmlIsServedExactlyAsWritten() {
        String body = "## Dose\n\n| Dose | Unit |\n|---|---|\n| 5 | mg |\n\n- one\n- [two](https://example.org/x)\n\n"
                + "```\n<kept as code>\n```\n\nA `<b>` in code and 5 &lt; 6.\n";
        assertEquals(body, renderer.publicMarkdown(body));
    }

    static List<HostileMarkup.Payload> corpus() {
        return HostileMarkup.payloads();
    }

    /** Even a site that renders the served Markdown without any sanitizer gets nothing executable. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theServedMarkdownOfTheHostileCorpusRendersToNothingExecutable(HostileMarkup.Payload payload) {
        String p = payload.text();
        for (String markdown : List.of(p, "Before.\n\n" + p + "\n\nAfter.", "## " + p, "- " + p, "> " + p,
                "[" + p + "](https://example.org)", "| a |\n|---|\n| " + p + " |")) {
            String served = renderer.publicMarkdown(markdown);
            String html = NAIVE_RENDERER.render(NAIVE_PARSER.parse(served));
            assertEquals(List.of(), HostileMarkup.executable(html), "Markdown " + markdown + " served as " + served);
            assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), "served " + served);
        }
    }
}
