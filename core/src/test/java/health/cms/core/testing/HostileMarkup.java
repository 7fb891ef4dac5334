package health.cms.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-content corpus ({@code hostile/xss-payloads.txt}) and the check that rendered HTML
 * carries nothing executable. The check looks at real tags only: text that was escaped
 * ({@code &lt;script&gt;}) is text, whatever it says. A tag fails when it is an element that can run
 * or load code (script, iframe, object, embed, svg, math, style, link, meta, base...), has an event
 * handler attribute ({@code on...}) or {@code srcdoc}, or has a URL attribute whose scheme, once
 * entities, spaces and control characters are taken out, is {@code javascript:}, {@code vbscript:} or
 * {@code data:}; a style attribute fails with {@code url(}, {@code expression(} or a script scheme.
 */
public final class HostileMarkup {

    /** One payload of the corpus and the technique its section names. */
    public record Payload(int number, String technique, String text) {

        @Override
        public String toString() {
            return "payload " + number + " (" + technique + "): " + text;
        }
    }

    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "iframe", "frame", "frameset", "object",
            "embed", "applet", "svg", "math", "style", "link", "meta", "base", "template", "portal", "noscript", "xmp",
            "plaintext", "isindex", "animate", "set", "foreignobject", "use", "handler", "listener", "import");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "background",
            "poster", "xlink:href", "dynsrc", "lowsrc", "srcset", "ping", "cite", "longdesc", "codebase", "manifest",
            "icon", "profile", "usemap", "archive", "classid", "values", "to", "from", "by", "content");
    private static final Pattern TAG = Pattern.compile(
            "<([a-zA-Z][\\w:-]*)((?:\\s+[^\\s/>\"'=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s/>\"'=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern SCRIPT_SCHEME = Pattern.compile("(javascript|vbscript|data|livescript):");

    private HostileMarkup() {
    }

    /** Every payload of the corpus, in file order. */
    public static List<Payload> payloads() {
        InputStream in = HostileMarkup.class.getClassLoader().getResourceAsStream("hostile/xss-payloads.txt");
        if (in == null) {
            throw new IllegalStateException("hostile/xss-payloads.txt is not on the classpath (cms-core test-jar)");
        }
        List<Payload> payloads = new ArrayList<>();
        String technique = "unnamed";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("# ")) {
                    technique = line.substring(2).strip();
                    continue;
                }
                payloads.add(new Payload(payloads.size() + 1, technique, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return payloads;
    }

    /**
     * The payload alone and in each Markdown context an attack could hide it in: between paragraphs, a heading, a
     * list item, a quote, a link text and a table cell.
     */
    public static List<String> inMarkdown(Payload payload) {
        String p = payload.text();
        return List.of(p, "Before.\n\n" + p + "\n\nAfter.", "## " + p, "- " + p, "> " + p,
                "[" + p + "](https://example.org)", "| a |\n|---|\n| " + p + " |");
    }

    /** What in this HTML could run; empty when nothing can. */
    public static List<String> executable(String html) {
        return executable(html, tag -> false);
    }

    /**
     * The same check for a whole page that has tags of its own, such as the desk's script file or its
     * chart: {@code ownTag} accepts the page's own tags exactly as its templates write them.
     */
    public static List<String> executable(String html, Predicate<String> ownTag) {
        List<String> problems = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (ownTag.test(tag.group())) {
                continue;
            }
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            if (ACTIVE_ELEMENTS.contains(name)) {
                problems.add("element <" + name + ">: " + tag.group());
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String attr = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = attribute.group(2) == null ? "" : decode(unquote(attribute.group(2)));
                String squeezed = value.replaceAll("[\\s\\x00-\\x1F]", "").toLowerCase(Locale.ROOT);
                if (attr.startsWith("on") || attr.equals("srcdoc")) {
                    problems.add("attribute " + attr + ": " + tag.group());
                } else if (URL_ATTRIBUTES.contains(attr) && scriptScheme(attr, squeezed)) {
                    problems.add("script URL in " + attr + ": " + tag.group());
                } else if (attr.equals("style") && (squeezed.contains("url(") || squeezed.contains("expression(")
                        || SCRIPT_SCHEME.matcher(squeezed).find())) {
                    problems.add("active style: " + tag.group());
                }
            }
        }
        return problems;
    }

    private static boolean scriptScheme(String attribute, String squeezed) {
        if (attribute.equals("content")) {
            // <meta http-equiv="refresh" content="0;url=javascript:...">
            return squeezed.contains("url=javascript:") || squeezed.contains("url=data:")
                    || squeezed.contains("url=vbscript:");
        }
        if (attribute.equals("srcset") || attribute.equals("values") || attribute.equals("ping")) {
            return SCRIPT_SCHEME.matcher(squeezed).find();
        }
        return squeezed.startsWith("javascript:") || squeezed.startsWith("vbscript:") || squeezed.startsWith("data:")
                || squeezed.startsWith("livescript:");
    }

    private static String unquote(String value) {
        return value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** Decodes the character references a browser would decode in an attribute value or text. */
    public static String decode(String value) {
        Matcher reference = Pattern.compile("&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?").matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String ref = reference.group(1);
            String replacement;
            try {
                if (ref.startsWith("#x") || ref.startsWith("#X")) {
                    replacement = new String(Character.toChars(Integer.parseInt(ref.substring(2), 16)));
                } else if (ref.startsWith("#")) {
                    replacement = new String(Character.toChars(Integer.parseInt(ref.substring(1))));
                } else {
                    replacement = switch (ref.toLowerCase(Locale.ROOT)) {
                        case "colon" -> ":";
                        case "tab" -> "\t";
                        case "newline" -> "\n";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "quot" -> "\"";
                        case "apos" -> "'";
                        default -> reference.group();
                    };
                }
            } catch (IllegalArgumentException tooLarge) {
                replacement = reference.group();
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }
}
