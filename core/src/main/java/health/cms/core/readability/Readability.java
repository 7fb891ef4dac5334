package health.cms.core.readability;

import java.util.List;

/**
 * How easily a revision reads: the whole article and each section, the sentences worth shortening or
 * turning active, and the word count with the reading time; shown to writer and reviewer, never blocking.
 *
 * @param measure the name of the measure used, or {@code null} when none applies to the language (then
 *        the scores are {@code null} too, rather than an English formula's wrong answer)
 * @param longSentences sentences over {@link Prose#LONG_SENTENCE_WORDS} words, as written
 * @param passiveSentences sentences with a verb in the passive voice, as written
 */
public record Readability(
        String measure,
        String language,
        ReadingScores article,
        List<SectionReadability> sections,
        List<String> longSentences,
        List<String> passiveSentences,
        int words,
        int readingMinutes) {

    /** The name of the Flesch reading ease and Flesch-Kincaid grade pair, for English. */
    public static final String FLESCH_KINCAID = "flesch-kincaid";

    /** Words an adult reads in a minute of on-screen health text, for the reading time. */
    public static final int WORDS_PER_MINUTE = 200;

    public Readability {
        sections = List.copyOf(sections);
        longSentences = List.copyOf(longSentences);
        passiveSentences = List.copyOf(passiveSentences);
    }

    /** Whether a grade was measured; false for languages without a measure here. */
    public boolean measured() {
        return measure != null;
    }

    /** The Flesch-Kincaid grade of the whole article, or {@code null} when not measured or empty. */
    public Double grade() {
        return article == null ? null : article.grade();
    }
}
