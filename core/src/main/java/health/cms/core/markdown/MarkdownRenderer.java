package health.cms.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
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
                    .allowAttributes("id").matching(java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,100}"))
                    .onElements("h1", "h2", "h3", "h4", "h5", "h6")
                    .allowAttributes("align").matching(true, "left", "right", "center").onElements("th", "td")
                    .toFactory());

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
        List<TocEntry> toc = headings.stream().filter(h -> html.contains("id=\"" + h.anchor() + "\"")).toList();
        return new RenderedMarkdown(html, toc);
    }

    /** Sanitizes an HTML fragment with the same allow-list as rendered Markdown. */
    public String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** Records level-2 and level-3 headings with the anchor id the heading-anchor extension gave them. */
    private record HeadingCollector(List<TocEntry> headings) implements AttributeProvider {

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading heading && heading.getLevel() <= 3 && heading.getLevel() >= 2
                    && attributes.containsKey("id")) {
                headings.add(new TocEntry(heading.getLevel(), plainText(heading), attributes.get("id")));
            }
        }

        private static String plainText(Node node) {
            StringBuilder text = new StringBuilder();
            node.accept(new AbstractVisitor() {

                @Override
                public void visit(Text t) {
                    text.append(t.getLiteral());
                }

                @Override
                public void visit(org.commonmark.node.Code code) {
                    text.append(code.getLiteral());
                }
            });
            return text.toString().strip();
        }
    }
}
