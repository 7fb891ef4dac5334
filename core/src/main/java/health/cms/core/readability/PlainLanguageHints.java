package health.cms.core.readability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds clinical terms that stand without a lay explanation: the term is explained when its lay term
 * appears in the same sentence ("hypertension (high blood pressure)") or the one after ("... hypertension.
 * That means high blood pressure."). Hints for English text only; the vocabulary is English.
 */
public final class PlainLanguageHints {

    /** At most this many hints per article: past that, the writer needs an editor, not more underlines. */
    public static final int MAX_HINTS = 200;

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
        for (int i = 0; i < sentences.size() && hints.size() < MAX_HINTS; i++) {
            String sentence = sentences.get(i);
            String lower = sentence.toLowerCase(Locale.ROOT);
            String next = i + 1 < sentences.size() ? sentences.get(i + 1).toLowerCase(Locale.ROOT) : "";
            StringBuilder unclaimed = new StringBuilder(lower);
            for (MedicalVocabulary.Term term : vocabulary.terms()) {
                Matcher found = wholeWords(term.clinical()).matcher(unclaimed);
                if (!found.find()) {
                    continue;
                }
                // Blank the term out, so "thrombosis" inside "deep vein thrombosis" is not found again and
                // "diabetes mellitus" does not explain itself with the "diabetes" it contains.
                do {
                    unclaimed.replace(found.start(), found.end(), " ".repeat(found.end() - found.start()));
                } while (found.find());
                Pattern lay = wholeWords(term.lay());
                if (!lay.matcher(unclaimed).find() && !lay.matcher(next).find()) {
                    hints.add(new PlainLanguageHint(term.clinical(), term.lay(), sentence));
                }
            }
        }
        return hints.size() > MAX_HINTS ? hints.subList(0, MAX_HINTS) : hints;
    }

    /** Patterns by phrase: a vocabulary has a few hundred phrases, compiled once instead of per sentence. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private static Pattern wholeWords(String phrase) {
        return PATTERNS.computeIfAbsent(phrase,
                p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p) + "(?![\\p{L}\\p{N}])"));
    }
}
