package health.cms.core.readability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReadabilityMeterTest {

    /** Wikipedia, "Flesch-Kincaid readability tests": "The cat sat on the mat." scores 116 reading ease. */
    @Test
    void scoresTheCatSatOnTheMatAsPublished() {
        Readability result = ReadabilityMeter.measure("The cat sat on the mat.", "en");

        assertEquals(new ReadingScores(6, 1, 6, 116.1, -1.4), result.article());
    }

    /**
     * Wikipedia, same article: "The Australian platypus is seemingly a hybrid of a mammal and reptilian
     * creature." has 13 words and 24 syllables, a reading ease of 37.5 and grade 11.3.
     */
    @Test
    void scoresThePlatypusSentenceAsPublished() {
        Readability result = ReadabilityMeter.measure(
                "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", "en");

        assertEquals(new ReadingScores(13, 1, 24, 37.5, 11.3), result.article());
        assertEquals(11.3, result.grade());
    }

    @Test
    void countsSyllablesAsDictionariesDo() {
        Map<String, Integer> dictionary = Map.ofEntries(Map.entry("disease", 2), Map.entry("bacteria", 4),
                Map.entry("radiology", 5), Map.entry("simple", 2), Map.entry("treated", 2), Map.entry("lived", 1),
                Map.entry("causes", 2), Map.entry("serious", 3), Map.entry("infection", 3),
                Map.entry("likely", 2), Map.entry("physician", 3), Map.entry("diabetes", 4),
                Map.entry("careful", 2), Map.entry("autism", 3), Map.entry("immunotherapy", 6),
                Map.entry("blood", 1), Map.entry("pressure", 2), Map.entry("heart", 1), Map.entry("doctor", 2),
                Map.entry("medication", 4), Map.entry("symptoms", 2), Map.entry("video", 3));
        dictionary.forEach((word, syllables) -> assertEquals(syllables, Syllables.in(word), word));
    }

    @Test
    void scoresEachSectionUnderItsHeading() {
        String body = """
                Flu is common. Rest helps.

                ## Treatment with antiviral medication

                Antiviral medications considerably reduce complications.
                """;

        List<SectionReadability> sections = ReadabilityMeter.measure(body, "en").sections();

        assertEquals(List.of("", "Treatment with antiviral medication"),
                sections.stream().map(SectionReadability::heading).toList());
        assertEquals(5, sections.get(0).scores().words());
        assertEquals(2, sections.get(0).scores().sentences());
        assertTrue(sections.get(1).scores().grade() > sections.get(0).scores().grade());
    }

    @Test
    void readsOnlyProseNotCodeOrRawHtml() {
        String body = """
                Drink water.

                ```
                this code block has many many words that nobody reads as prose at all
                ```

                <div>raw html is not prose either</div>
                """;

        assertEquals(2, ReadabilityMeter.measure(body, "en").words());
    }

    @Test
    void endsASentenceAtEachListItemButNotAtAbbreviations() {
        String body = """
                - Take it with food
                - See Dr. Smith, e.g. on Monday

                Doses are 2.5 mg a day.
                """;

        assertEquals(3, ReadabilityMeter.measure(body, "en").article().sentences());
    }

    @Test
    void flagsSentencesOverTwentyFiveWords() {
        String longOne = "Patients who have had a heart attack in the past and who also have high blood pressure"
                + " or diabetes should talk with their doctor about which of these medicines suits them best.";
        Readability result = ReadabilityMeter.measure("Short one. " + longOne, "en");

        assertEquals(List.of(longOne), result.longSentences());
    }

    @Test
    void flagsPassiveVoiceButNotActive() {
        Readability result = ReadabilityMeter.measure(
                "The drug was given to all patients. The trial is usually funded by the state. Doctors give the drug.",
                "en");

        assertEquals(List.of("The drug was given to all patients.", "The trial is usually funded by the state."),
                result.passiveSentences());
    }

    @Test
    void givesNoEnglishScoreForOtherLanguages() {
        Readability result = ReadabilityMeter.measure("Die Behandlung wurde gestern begonnen.", "de-DE");

        assertFalse(result.measured());
        assertNull(result.article());
        assertNull(result.grade());
        assertEquals(5, result.words());
        assertTrue(result.sections().isEmpty());
    }

    @Test
    void givesTheReadingTimeAtTwoHundredWordsAMinute() {
        String body = "Word ".repeat(450).strip() + ".";

        Readability result = ReadabilityMeter.measure(body, "en");

        assertEquals(450, result.words());
        assertEquals(2, result.readingMinutes());
    }
}
