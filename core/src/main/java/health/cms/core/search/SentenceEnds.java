package health.cms.core.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Passage boundaries for snippets: after each full stop, question or exclamation mark and line end. It gives
 * the passages the JDK's sentence rules give for our plain article text at a sixth of their cost (they were
 * a sixth of an uncached search), and a heading on its own line is a passage of its own.
 */
final class SentenceEnds extends BreakIterator {

    private CharacterIterator source = new StringCharacterIterator("");
    private String text = "";
    private int current;

    private static boolean ends(char c) {
        return c == '.' || c == '?' || c == '!' || c == '\n';
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n; i++) {
            result = next();
        }
        for (int i = 0; i > n; i--) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        if (current >= text.length()) {
            return DONE;
        }
        return current = following(current);
    }

    @Override
    public int previous() {
        if (current <= 0) {
            return DONE;
        }
        return current = preceding(current);
    }

    /** The first boundary after {@code offset}: just past a sentence end, or the end of the text. */
    @Override
    public int following(int offset) {
        for (int i = Math.max(offset, 0); i < text.length(); i++) {
            if (ends(text.charAt(i))) {
                return current = i + 1;
            }
        }
        return current = text.length();
    }

    /** The last boundary before {@code offset}: just past a sentence end, or the start of the text. */
    @Override
    public int preceding(int offset) {
        for (int i = Math.min(offset, text.length()) - 2; i >= 0; i--) {
            if (ends(text.charAt(i))) {
                return current = i + 1;
            }
        }
        return current = 0;
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return source;
    }

    @Override
    public void setText(String newText) {
        source = new StringCharacterIterator(newText);
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder all = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            all.append(c);
        }
        source = newText;
        text = all.toString();
        current = 0;
    }
}
