package health.cms.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import health.cms.core.markdown.MarkdownRenderer;

class TextQuoteTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void findsThePassageAgainAfterTextBeforeItWasEdited() {
        String before = renderer.render("The usual dose is **5 mg** a day.\n\nTake it with food.").text();
        TextQuote quote = TextQuote.at(before, before.indexOf("5 mg"), "5 mg a day".length());

        String after = renderer.render("An intro was added.\n\nThe usual dose is **5 mg** a day.\n\nTake it with food.")
                .text();

        assertEquals(after.indexOf("5 mg a day"), quote.locate(after).orElseThrow());
    }

    @Test
    void isOutdatedWhenThePassageIsGone() {
        TextQuote quote = new TextQuote("5 mg a day", "The usual dose is ", ". Take it");

        assertTrue(quote.locate(renderer.render("The usual dose is **10 mg** a day.").text()).isEmpty());
    }

    @Test
    void picksTheOccurrenceWhoseContextMatchesWhenThePassageRepeats() {
        String text = "Adults: take 5 mg daily. Children: take 5 mg daily.";
        TextQuote quote = new TextQuote("take 5 mg daily", "Children: ", ".");

        assertEquals(text.lastIndexOf("take 5 mg daily"), quote.locate(text).orElseThrow());
    }

    @Test
    void aSelectionAcrossParagraphsMatchesTheRenderedText() {
        String text = renderer.render("First &amp; *second* line.\n\nNext paragraph.").text();
        TextQuote selection = new TextQuote("second line.\n\n  Next", "First & ", " paragraph");

        assertEquals("First & second line. Next paragraph.", text);
        assertEquals(text.indexOf("second"), selection.locate(text).orElseThrow());
    }
}
