package health.cms.core.readability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds clinical terms that stand without a lay explanation: the term is explained when its lay term
 * appears in the same sentence ("hypertension (high blood pressure)") or the one after ("... hypertension.
 * That means high blood pressure."). Hints for English text only; the vocabulary is English.
 *
 * <p>
 * Runs on every preview while a writer types, so it looks words up instead of searching the text once per
 * vocabulary term: each sentence is split into words once, and the runs of one to
 * {@link MedicalVocabulary#longestClinicalWords()} words starting at each word are looked up, longest first.
 */
public final class PlainLanguageHints {

    /** At most this many hints per article: past that, the writer needs an editor, not more underlines. */
    public static final int MAX_HINTS = 200;

    /** Words as the vocabulary spells them: letters and digits, joined inside by an apostrophe or hyphen. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");
    /** Stands in for a word that belongs to a clinical term, so the term never explains itself. */
    private static final String CLAIMED = "\u0000";

    private PlainLanguageHints() {
    }

    /** The unexplained clinical terms in {@code markdown}, in reading order, one per term and sentence. */
    public static List<PlainLanguageHint> in(String markdown, MedicalVocabulary vocabulary) {
        List<String> sentences = new ArrayList<>();
        for (Prose.Section section : Prose.of(markdown)) {
            sentences.add(section.heading());
            sentences.addAll(section.sentences());
        }
        List<PlainLanguageHint> hints = new ArrayList<>();
        List<String> next = sentences.isEmpty() ? List.of() : words(sentences.get(0));
        for (int i = 0; i < sentences.size() && hints.size() < MAX_HINTS; i++) {
            List<String> words = next;
            next = i + 1 < sentences.size() ? words(sentences.get(i + 1)) : List.of();
            List<MedicalVocabulary.Term> found = new ArrayList<>();
            List<String> unclaimed = new ArrayList<>(words);
            for (int start = 0; start < words.size(); start++) {
                for (int length = Math.min(vocabulary.longestClinicalWords(), words.size() - start); length > 0; length--) {
                    MedicalVocabulary.Term term = vocabulary.clinical(String.join(" ", words.subList(start, start + length)));
                    if (term != null) {
                        if (!found.contains(term)) {
                            found.add(term);
                        }
                        Collections.fill(unclaimed.subList(start, start + length), CLAIMED);
                        start += length - 1;
                        break;
                    }
                }
            }
            for (MedicalVocabulary.Term term : found) {
                List<String> lay = words(term.lay());
                if (!contains(unclaimed, lay) && !contains(next, lay)) {
                    hints.add(new PlainLanguageHint(term.clinical(), term.lay(), sentences.get(i)));
                }
            }
        }
        return hints.size() > MAX_HINTS ? hints.subList(0, MAX_HINTS) : hints;
    }

    /** The words of {@code text}, lower case. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    private static boolean contains(List<String> words, List<String> phrase) {
        return !phrase.isEmpty() && Collections.indexOfSubList(words, phrase) >= 0;
    }
}
