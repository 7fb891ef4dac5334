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
    void aCaptionedPictureIsAFigureOfItsOwnNeverInsideAParagraph() {
        String sha = "a".repeat(64);
        String base = "https://api.example/media/" + sha + "/";
        Picture captioned = new Picture("A red rash", "Typical rash", "Photo: Clinic", 1600, 900, base + "original.jpg",
                base + "320.jpg 320w");
        String plainSha = "c".repeat(64);
        Picture plain = new Picture("A diagram", null, null, 200, 100, "https://api.example/media/" + plainSha
                + "/original.png", "");
        Map<String, Picture> pictures = Map.of(sha, captioned, plainSha, plain);

        String alone = renderer.render("Before.\n\n![x](media:" + sha + ")\n\nAfter.", pictures).html();
        assertEquals("<p>Before.</p>\n<figure class=\"media\"><img src=\"" + base + "original.jpg\" srcset=\"" + base
                + "320.jpg 320w\" sizes=\"(max-width: 1600px) 100vw, 1600px\" alt=\"A red rash\" width=\"1600\" "
                + "height=\"900\" loading=\"lazy\" /><figcaption>Typical rash <small>Photo: Clinic</small></figcaption>"
                + "</figure>\n<p>After.</p>\n", alone);

        // written in the middle of a sentence: the text around it stays, in paragraphs of its own
        String inText = renderer.render("Look at this\n![x](media:" + sha + ") rash, and at ![y](media:" + plainSha
                + ") this one.", pictures).html();
        assertEquals(1, inText.split("<figure", -1).length - 1, inText);
        assertFalse(inText.contains("<p></p>") || inText.contains("<p>\n</p>"), inText);
        assertTrue(inText.startsWith("<p>Look at this</p>\n<figure class=\"media\">"), inText);
        assertTrue(inText.contains("</figure>\n<p> rash, and at <img src=\"https://api.example/media/" + plainSha), inText);
        assertNoFigureInAParagraph(inText);

        // in a list, in a link or in a heading: still valid HTML, the caption still shown
        for (String markdown : List.of("- ![x](media:" + sha + ")\n- second", "[![x](media:" + sha + ")](https://example.org)",
                "## ![x](media:" + sha + ") Rash")) {
            String html = renderer.render(markdown, pictures).html();
            assertTrue(html.contains("Typical rash"), markdown + " -> " + html);
            assertTrue(html.contains("Photo: Clinic"), markdown + " -> " + html);
            assertNoFigureInAParagraph(html);
        }
    }

    /** A figure is flow content: never inside a paragraph, a heading or a link (all phrasing-only here). */
    private static void assertNoFigureInAParagraph(String html) {
        int open = 0;
        for (String tag : html.split("<")) {
            if (tag.matches("(?s)(p|h[1-6]|a)[ >].*")) {
                open++;
            } else if (tag.matches("(?s)/(p|h[1-6]|a)>.*")) {
                open--;
            } else if (tag.startsWith("figure") || tag.startsWith("figcaption")) {
                assertEquals(0, open, "a figure inside a paragraph, heading or link: " + html);
            }
        }
    }

    @Test
    void theServedMarkdownKeepsOurPicturesWithTheirSignedAltTextAndAbsoluteUrls() {
        String sha = "a".repeat(64);
        String base = "https://api.example/media/" + sha + "/";
        Picture picture = new Picture("Rash [day 3] *left* <arm>", "Typical rash", null, 1600, 900, base + "original.jpg",
                base + "320.jpg 320w, " + base + "1024.jpg 1024w");
        String served = renderer.publicMarkdown("Before.\n\n![written alt](media:" + sha + ")\n\n![other](media:"
                + "b".repeat(64) + ") ![remote](https://tracker.example/p.png)\n\nAfter.", Map.of(sha, picture));

        assertTrue(served.contains("![Rash \\[day 3\\] \\*left\\* \\<arm\\>](<" + base + "1024.jpg>)"), served);
        assertFalse(served.contains("media:") || served.contains("tracker.example") || served.contains("written alt"),
                served);
        String html = NAIVE_RENDERER.render(NAIVE_PARSER.parse(served));
        assertTrue(html.contains("<img src=\"" + base + "1024.jpg\" alt=\"Rash [day 3] *left* &lt;arm&gt;\" />"), html);
        assertEquals(1, html.split("<img", -1).length - 1, html);
        assertEquals(served, renderer.publicMarkdown(served, Map.of(sha, picture)), "served Markdown is stable");
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

    /** Even a site that renders the served Markdown without any sanitizer gets nothing executable. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("health.cms.core.testing.HostileMarkup#payloads")
    void theServedMarkdownOfTheHostileCorpusRendersToNothingExecutable(HostileMarkup.Payload payload) {
        for (String markdown : HostileMarkup.inMarkdown(payload)) {
            String served = renderer.publicMarkdown(markdown);
            String html = NAIVE_RENDERER.render(NAIVE_PARSER.parse(served));
            assertEquals(List.of(), HostileMarkup.executable(html), "Markdown " + markdown + " served as " + served);
            assertFalse(html.toLowerCase(Locale.ROOT).contains("<img"), "served " + served);
        }
    }
}
