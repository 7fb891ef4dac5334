package health.cms.core.markdown;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlStreamEventReceiver;

/**
 * Sits between the sanitizer and the HTML writer and notes, as the sanitized HTML is written, the inner
 * HTML of every {@code <h2 id>} and {@code <h3 id>}, so the table of contents costs one pass over the body
 * instead of one search of the whole HTML per heading.
 */
final class HeadingTexts implements HtmlStreamEventReceiver {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern BLOCK_TAGS = Pattern
            .compile("</?(?:p|h[1-6]|li|ul|ol|blockquote|pre|table|thead|tbody|tr|td|th|br|hr|div)\\b[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);");

    private final HtmlStreamEventReceiver writer;
    private final StringBuilder out;
    private final Map<String, String> innerHtml = new HashMap<>();
    private String open;
    private String openKey;
    private int openAt;

    /** {@code writer} appends to {@code out}; the heading's inner HTML is read back from there. */
    HeadingTexts(HtmlStreamEventReceiver writer, StringBuilder out) {
        this.writer = writer;
        this.out = out;
    }

    /**
     * The heading's text as readers see it: taken from the sanitized HTML, not from the Markdown's text
     * nodes, so text the sanitizer dropped (inside a removed element) or that only joins up around removed
     * tags ({@code <scr<script>ipt>}) never reaches the table of contents. Empty when the heading did not
     * survive with its anchor; the first element with that level and id wins, as a browser's anchor does.
     */
    Optional<String> of(int level, String anchor) {
        String html = innerHtml.get(key("h" + level, anchor));
        return html == null
                ? Optional.empty()
                : Optional.of(textOf(html));
    }

    /**
     * The text a reader sees in a fragment of our sanitized HTML, whitespace collapsed: block elements part
     * words as a browser's selection does, inline ones do not.
     */
    static String textOf(String html) {
        String spaced = BLOCK_TAGS.matcher(html).replaceAll(" ");
        return decodeEntities(TAGS.matcher(spaced).replaceAll("")).replaceAll("\\s+", " ").strip();
    }

    @Override
    public void openDocument() {
        writer.openDocument();
    }

    @Override
    public void closeDocument() {
        writer.closeDocument();
    }

    @Override
    public void openTag(String name, List<String> attributes) {
        writer.openTag(name, attributes);
        // Headings cannot nest in Markdown; a raw-HTML one inside another belongs to the outer one's text.
        if (open == null && (name.equals("h2") || name.equals("h3"))) {
            for (int i = 0; i + 1 < attributes.size(); i += 2) {
                if (attributes.get(i).equals("id")) {
                    open = name;
                    openKey = key(name, attributes.get(i + 1));
                    openAt = out.length();
                }
            }
        }
    }

    @Override
    public void closeTag(String name) {
        if (name.equals(open)) {
            innerHtml.putIfAbsent(openKey, out.substring(openAt));
            open = null;
        }
        writer.closeTag(name);
    }

    @Override
    public void text(String text) {
        writer.text(text);
    }

    private static String key(String element, String id) {
        return element + '#' + id;
    }

    /** The sanitizer writes text with named and numeric character references; this undoes them. */
    private static String decodeEntities(String text) {
        Matcher reference = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (reference.find()) {
            String ref = reference.group(1);
            String replacement = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> {
                    int code = ref.startsWith("#x") || ref.startsWith("#X")
                            ? Integer.parseInt(ref.substring(2), 16)
                            : ref.startsWith("#") ? Integer.parseInt(ref.substring(1)) : -1;
                    yield code >= 0 && Character.isValidCodePoint(code)
                            ? new String(Character.toChars(code))
                            : reference.group();
                }
            };
            reference.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(decoded);
        return decoded.toString();
    }
}
