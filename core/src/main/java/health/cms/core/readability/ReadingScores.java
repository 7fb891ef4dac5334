package health.cms.core.readability;

/**
 * The counts of a stretch of English prose and its two Flesch measures; the measures are {@code null} for
 * a stretch without words, where a score would be meaningless rather than zero.
 *
 * @param readingEase Flesch reading ease, 206.835 - 1.015 (words / sentences) - 84.6 (syllables / words):
 *        higher is easier, 60-70 is plain English
 * @param grade Flesch-Kincaid grade level, 0.39 (words / sentences) + 11.8 (syllables / words) - 15.59:
 *        the US school grade that can read it; health-literacy guidance aims at 6 to 8
 */
public record ReadingScores(int words, int sentences, int syllables, Double readingEase, Double grade) {

    /** The scores of counted prose, rounded to one decimal as published tools show them. */
    public static ReadingScores of(int words, int sentences, int syllables) {
        if (words == 0) {
            return new ReadingScores(0, sentences, syllables, null, null);
        }
        double wordsPerSentence = (double) words / Math.max(1, sentences);
        double syllablesPerWord = (double) syllables / words;
        double ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
        double grade = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
        return new ReadingScores(words, sentences, syllables, round(ease), round(grade));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
