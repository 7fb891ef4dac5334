package health.cms.core.readability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlainLanguageHintsTest {

    private static final MedicalVocabulary VOCABULARY = MedicalVocabulary.standard();

    @Test
    void suggestsTheLayTermForAnUnexplainedClinicalTerm() {
        List<PlainLanguageHint> hints = PlainLanguageHints.in("Hypertension raises the risk of a stroke.", VOCABULARY);

        assertEquals(List.of(new PlainLanguageHint("hypertension", "high blood pressure",
                "Hypertension raises the risk of a stroke.")), hints);
    }

    @Test
    void acceptsALayExplanationInTheSameOrTheNextSentence() {
        String body = """
                Hypertension (high blood pressure) is common.

                Your doctor may mention pruritus. That is itching that lasts.
                """;

        assertEquals(List.of(), PlainLanguageHints.in(body, VOCABULARY));
    }

    @Test
    void findsTheLongestTermOnceAndNotTheShorterOneInsideIt() {
        List<PlainLanguageHint> hints = PlainLanguageHints.in("Deep vein thrombosis needs treatment.", VOCABULARY);

        assertEquals(List.of("deep vein thrombosis"), hints.stream().map(PlainLanguageHint::term).toList());
    }

    @Test
    void doesNotLetATermExplainItselfWithTheWordItContains() {
        List<PlainLanguageHint> hints = PlainLanguageHints.in("Diabetes mellitus is lifelong.", VOCABULARY);

        assertEquals(List.of("diabetes mellitus"), hints.stream().map(PlainLanguageHint::term).toList());
    }

    @Test
    void matchesWholeWordsOnly() {
        assertEquals(List.of(), PlainLanguageHints.in("The acuteness of the renalist's note.", VOCABULARY));
    }

    @Test
    void readsTheHeadingsToo() {
        List<PlainLanguageHint> hints = PlainLanguageHints.in("## Living with hypothyroidism\n\nEat well.", VOCABULARY);

        assertEquals("underactive thyroid", hints.get(0).layTerm());
    }

    @Test
    void shipsAtLeastAHundredTermGroups() {
        assertTrue(VOCABULARY.terms().size() >= 100, "terms: " + VOCABULARY.terms().size());
    }

    @Test
    void refusesAVocabularyLineWithoutItsLayTerm() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MedicalVocabulary.parse(new StringReader("# terms\nedema | swelling\nsyncope |\n")));

        assertTrue(refused.getMessage().startsWith("Line 3 "), refused.getMessage());
    }
}
