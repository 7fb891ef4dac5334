package health.cms.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * A search box's text as users expect it to work: {@code "quoted words"} are a phrase, {@code -word} and
 * {@code -"a phrase"} exclude, everything else must all be found (in any field, or as a synonym). Stop
 * words of the free text are dropped, except inside a vocabulary term ("shortness of breath").
 */
record QueryText(String free, List<String> phrases, List<String> excluded) {

    static QueryText parse(String raw, Vocabulary vocabulary) {
        return parse(raw, vocabulary, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    /** As {@link #parse(String, Vocabulary)}, dropping the stop words of the query's language. */
    static QueryText parse(String raw, Vocabulary vocabulary, CharArraySet stopWords) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean exclude = c == '-' && i + 1 < raw.length() && !Character.isWhitespace(raw.charAt(i + 1));
            int start = exclude ? i + 1 : i;
            String part;
            boolean phrase = start < raw.length() && raw.charAt(start) == '"';
            if (phrase) {
                int close = raw.indexOf('"', start + 1);
                int end = close < 0 ? raw.length() : close;
                part = raw.substring(start + 1, end);
                i = close < 0 ? raw.length() : close + 1;
            } else {
                int end = start;
                while (end < raw.length() && !Character.isWhitespace(raw.charAt(end))) {
                    end++;
                }
                part = raw.substring(start, end);
                i = end;
            }
            if (part.isBlank()) {
                continue;
            }
            if (exclude) {
                excluded.add(part);
            } else if (phrase) {
                phrases.add(part);
            } else {
                words.add(part);
            }
        }
        return new QueryText(String.join(" ", withoutStopWords(words, vocabulary, stopWords)), phrases, excluded);
    }

    boolean positive() {
        return !free.isBlank() || !phrases.isEmpty();
    }

    private static List<String> withoutStopWords(List<String> words, Vocabulary vocabulary, CharArraySet stopWords) {
        List<String> bare = words.stream().map(w -> w.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'-]", ""))
                .toList();
        boolean[] keep = new boolean[words.size()];
        for (List<String> phrase : vocabulary.phrases()) {
            for (int start = 0; start + phrase.size() <= bare.size(); start++) {
                if (bare.subList(start, start + phrase.size()).equals(phrase)) {
                    for (int k = start; k < start + phrase.size(); k++) {
                        keep[k] = true;
                    }
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < words.size(); k++) {
            if (keep[k] || !stopWords.contains(bare.get(k))) {
                kept.add(words.get(k));
            }
        }
        // A query of stop words alone ("the who") still searches for them.
        return kept.isEmpty() ? words : kept;
    }
}
