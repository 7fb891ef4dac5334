package health.cms.core.comment;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a comment points: a W3C Web Annotation text quote selector (the exact passage and a little text
 * before and after it), found again in any later text by its words rather than by offsets that an edit shifts.
 */
public record TextQuote(String exact, String prefix, String suffix) {

    /** The longest passage a comment may quote; the context on either side is cut to {@link #MAX_CONTEXT}. */
    public static final int MAX_EXACT = 1000;
    public static final int MAX_CONTEXT = 200;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Whitespace is collapsed: a browser's selection breaks lines where the stored text has spaces. */
    public TextQuote {
        exact = normalize(exact).strip();
        prefix = tail(normalize(prefix), MAX_CONTEXT);
        suffix = head(normalize(suffix), MAX_CONTEXT);
    }

    /** A quote taken from {@code text} at {@code start}, with context, as the desk does when one is typed. */
    public static TextQuote at(String text, int start, int length) {
        return new TextQuote(text.substring(start, start + length), text.substring(0, start),
                text.substring(start + length));
    }

    /**
     * Where the passage is in {@code text} (already normalized by {@link #normalize}): the occurrence whose
     * surroundings best match the prefix and suffix, or empty when the passage is gone.
     */
    public Optional<Integer> locate(String text) {
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        int bestScore = -1;
        for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
            int score = commonSuffix(text.substring(0, at), prefix)
                    + commonPrefix(text.substring(at + exact.length()), suffix);
            if (score > bestScore) {
                best = at;
                bestScore = score;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /** The text with every run of whitespace made one space. */
    public static String normalize(String text) {
        return text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ");
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : text.substring(text.length() - max);
    }

    private static String head(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static int commonSuffix(String before, String prefix) {
        int n = 0;
        while (n < before.length() && n < prefix.length()
                && before.charAt(before.length() - 1 - n) == prefix.charAt(prefix.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    private static int commonPrefix(String after, String suffix) {
        int n = 0;
        while (n < after.length() && n < suffix.length() && after.charAt(n) == suffix.charAt(n)) {
            n++;
        }
        return n;
    }
}
