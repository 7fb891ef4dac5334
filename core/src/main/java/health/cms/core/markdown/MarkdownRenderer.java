package health.cms.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The one renderer for user-supplied Markdown: CommonMark with GFM tables and heading anchors, then an
 * allow-list sanitizer. The admin preview, the reviewer's view and the delivery API all call this, so
 * nothing reaches a browser by another path.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            HeadingAnchorExtension.builder().idPrefix("").defaultId("section").build());

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowAttributes("href", "title").onElements("a")
                    .allowStandardUrlProtocols()
                    .requireRelsOnLinks("noopener", "noreferrer")
                    .allowElements("pre", "code", "hr", "br", "sup", "sub", "dl", "dt", "dd", "figure", "figcaption",
                            "h1", "h2", "h3", "h4", "h5", "h6", "th", "td")
                    .allowAttributes("id").matching(Pattern.compile("[a-z0-9][a-z0-9-]{0,100}"))
                    .onElements("h1", "h2", "h3", "h4", "h5", "h6")
                    .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
                    .toFactory());

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);");

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

    /** Renders Markdown to sanitized HTML and collects the headings for a table of contents. */
    public RenderedMarkdown render(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        List<TocEntry> headings = new ArrayList<>();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> new HeadingCollector(headings))
                .build();
        String html = sanitize(renderer.render(document));
        List<TocEntry> toc = new ArrayList<>();
        for (TocEntry heading : headings) {
            visibleText(html, heading).ifPresent(text -> toc.add(new TocEntry(heading.level(), text, heading.anchor())));
        }
        return new RenderedMarkdown(html, toc);
    }

    /**
     * The heading's text as readers see it: taken from the sanitized HTML, not from the Markdown's text
     * nodes, so text the sanitizer dropped (inside a removed element) or that only joins up around
     * removed tags ({@code <scr<script>ipt>}) never reaches the table of contents. Empty when the
     * heading did not survive.
     */
    private static Optional<String> visibleText(String html, TocEntry heading) {
        Matcher element = Pattern.compile("<h" + heading.level() + " id=\"" + Pattern.quote(heading.anchor())
                + "\">(.*?)</h" + heading.level() + ">", Pattern.DOTALL).matcher(html);
        if (!element.find()) {
            return Optional.empty();
        }
        String text = decodeEntities(TAGS.matcher(element.group(1)).replaceAll("")).replaceAll("\\s+", " ").strip();
        return Optional.of(text);
    }

    /** The sanitizer writes text with named and numeric character references; this undoes them. */
    private static String decodeEntities(String text) {
        Matcher reference = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
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
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }

    /** Sanitizes an HTML fragment with the same allow-list as rendered Markdown. */
    public String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** Records the level and anchor id of level-2 and level-3 headings; their text comes from the sanitized HTML. */
    private record HeadingCollector(List<TocEntry> headings) implements AttributeProvider {

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading heading && heading.getLevel() <= 3 && heading.getLevel() >= 2
                    && attributes.containsKey("id")) {
                headings.add(new TocEntry(heading.getLevel(), null, attributes.get("id")));
            }
        }
    }
}
