package health.cms.core.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures how easily a Markdown article reads: Flesch reading ease and Flesch-Kincaid grade for English,
 * per section and for the whole text, with long and passive sentences. Pure and fast (a long article in
 * well under a millisecond per thousand words), so it runs on every save and every preview.
 *
 * <p>
 * Other languages get no score: the Flesch formulas were fitted on English, and their constants give
 * wrong grades elsewhere. The measures that apply there (Amstad's reading ease for German,
 * Fernández-Huerta for Spanish, Kandel-Moles for French, Douma for Dutch) need their own syllable rules
 * and are not implemented; word count and reading time are still given.
 */
public final class ReadabilityMeter {

    private ReadabilityMeter() {
    }

    /** The readability of {@code markdown} written in {@code language} (a BCP 47 tag such as "en-GB"). */
    public static Readability measure(String markdown, String language) {
        boolean english = Locale.forLanguageTag(language == null ? "en" : language).getLanguage().equals("en");
        List<SectionReadability> sections = new ArrayList<>();
        List<String> longSentences = new ArrayList<>();
        List<String> passive = new ArrayList<>();
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (Prose.Section section : Prose.of(markdown)) {
            int sectionWords = 0;
            int sectionSyllables = 0;
            for (String sentence : section.sentences()) {
                List<String> sentenceWords = Prose.words(sentence);
                sectionWords += sentenceWords.size();
                for (String word : sentenceWords) {
                    sectionSyllables += english ? Syllables.in(word) : 0;
                }
                if (sentenceWords.size() > Prose.LONG_SENTENCE_WORDS) {
                    longSentences.add(sentence);
                }
                if (english && PassiveVoice.in(sentence)) {
                    passive.add(sentence);
                }
            }
            words += sectionWords;
            sentences += section.sentences().size();
            syllables += sectionSyllables;
            if (english) {
                sections.add(new SectionReadability(section.heading(),
                        ReadingScores.of(sectionWords, section.sentences().size(), sectionSyllables)));
            }
        }
        int minutes = words == 0 ? 0 : Math.max(1, Math.round((float) words / Readability.WORDS_PER_MINUTE));
        return new Readability(english ? Readability.FLESCH_KINCAID : null, language == null ? "en" : language,
                english ? ReadingScores.of(words, sentences, syllables) : null, sections, longSentences, passive,
                words, minutes);
    }
}
