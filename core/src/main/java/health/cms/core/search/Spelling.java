package health.cms.core.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Typo tolerance: a word of five letters or more that no indexed article contains (and that is not a
 * vocabulary term) is replaced by the nearest indexed word (Lucene's Levenshtein automata: one edit, two
 * from eight letters on), giving the "did you mean" text.
 */
final class Spelling {

    static final int MIN_LENGTH = 5;
    static final int TWO_EDITS_FROM = 8;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);

    /** The text with each unknown long word corrected, or empty when nothing needed (or allowed) a correction. */
    Optional<String> correct(String raw, IndexReader reader, Vocabulary vocabulary) {
        Matcher words = WORD.matcher(raw);
        StringBuilder corrected = new StringBuilder();
        boolean changed = false;
        try {
            while (words.find()) {
                String word = words.group().toLowerCase(Locale.ROOT);
                String replacement = words.group();
                if (word.length() >= MIN_LENGTH && !vocabulary.knowsWord(word)
                        && reader.docFreq(new Term(Analyzers.SPELL, word)) == 0) {
                    DirectSpellChecker checker = word.length() >= TWO_EDITS_FROM ? twoEdits : oneEdit;
                    SuggestWord[] best = checker.suggestSimilar(new Term(Analyzers.SPELL, word), 1, reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (best.length > 0) {
                        replacement = best[0].string;
                        changed = true;
                    }
                }
                words.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.appendTail(corrected);
        return changed ? Optional.of(corrected.toString()) : Optional.empty();
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinQueryLength(MIN_LENGTH);
        return checker;
    }
}
