package health.cms.core.markdown;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamRenderer;
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
            // No <img> here: a reader's browser would fetch it from whatever host it names, which could then track
            // readers or swap the picture after sign-off. Our own library's images are allowed per render, with
            // exactly the URLs of the pictures that body shows (see imagePolicy).
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

    /**
     * The longest body, in UTF-16 chars as {@link String#length()} counts them, that an article may have.
     * Save refuses longer bodies and the desk's preview should refuse them too, so nobody can make the
     * server render more than could ever be published.
     */
    public static final int MAX_BODY_CHARS = 200_000;

    /**
     * Only the first this-many headings of a body get an anchor id, and only those can enter the table of
     * contents: a real article has a few dozen, and the cap keeps a hostile body of tens of thousands of
     * headings from inflating the HTML and the delivered table of contents.
     */
    public static final int MAX_ANCHORED_HEADINGS = 500;

    /** Rounds of cutting {@link #publicMarkdown} tries; a real body needs two at most. */
    private static final int PUBLIC_MARKDOWN_ROUNDS = 8;

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final Parser spanningParser = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final HtmlRenderer rawRenderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    /** Renders Markdown to sanitized HTML and collects the headings for a table of contents. */
    public RenderedMarkdown render(String markdown) {
        return render(markdown, Map.of());
    }

    /**
     * The same, with the library images the body may show by hash: {@code ![alt](media:<sha256>)} becomes that
     * picture; any other image shows nothing.
     */
    public RenderedMarkdown render(String markdown, Map<String, Picture> pictures) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        PictureBlocks.lift(document, pictures);
        List<TocEntry> headings = new ArrayList<>();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> new HeadingCollector(headings))
                .nodeRendererFactory(context -> new PictureRenderer(context, pictures))
                .build();
        StringBuilder html = new StringBuilder();
        HeadingTexts texts = sanitize(renderer.render(document), html,
                pictures.isEmpty() ? POLICY : POLICY.and(imagePolicy(pictures.values())));
        List<TocEntry> toc = new ArrayList<>();
        for (TocEntry heading : headings) {
            texts.of(heading.level(), heading.anchor())
                    .ifPresent(text -> toc.add(new TocEntry(heading.level(), text, heading.anchor())));
        }
        return new RenderedMarkdown(html.toString(), toc);
    }

    /**
     * The source of every image the Markdown asks for, whether written as Markdown or as raw HTML, in order
     * ({@code ""} for an image without one). The sanitizer shows none of them, so save refuses a body that has
     * any rather than publish a text that differs from what was written.
     */
    public List<String> images(String markdown) {
        return ImageSources.in(rawRenderer.render(parser.parse(markdown == null ? "" : markdown)));
    }

    /**
     * The destination of every image written in Markdown syntax ({@code ![alt](destination)}), in order; with
     * {@link #images} a caller can tell a Markdown image from one written as raw HTML.
     */
    public List<String> markdownImages(String markdown) {
        List<String> destinations = new ArrayList<>();
        parser.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {

            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination() == null ? "" : image.getDestination().strip());
                visitChildren(image);
            }
        });
        return destinations;
    }

    /**
     * The Markdown to serve next to the rendered HTML: as written, without raw HTML, images and links to
     * schemes the sanitizer drops, so it never carries what {@link #render} removed.
     */
    public String publicMarkdown(String markdown) {
        return publicMarkdown(markdown, Map.of());
    }

    /**
     * The same, keeping the library images the revision shows ({@code pictures}, by hash) as Markdown images with
     * their signed alt text and the absolute URL of their widest rendition.
     */
    public String publicMarkdown(String markdown, Map<String, Picture> pictures) {
        String current = markdown == null ? "" : markdown;
        // Cutting can join what is left into new markup ("<scr<b>ipt>" loses "<b>"), so cut until nothing is.
        for (int round = 0; round < PUBLIC_MARKDOWN_ROUNDS; round++) {
            String next = PublicMarkdown.of(current, spanningParser.parse(current), pictures);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        // A body built to regrow markup however often it is cut is served as HTML only.
        return "";
    }

    /** Sanitizes an HTML fragment with the same allow-list as rendered Markdown. */
    public String sanitize(String html) {
        StringBuilder out = new StringBuilder();
        sanitize(html == null ? "" : html, out, POLICY);
        return out.toString();
    }

    /**
     * What {@code POLICY.sanitize} does (our policy has no preprocessor), with the headings' text noted on
     * the way, so both entry points share one sanitizing path.
     */
    private static HeadingTexts sanitize(String html, StringBuilder out, PolicyFactory policy) {
        HeadingTexts texts = new HeadingTexts(HtmlStreamRenderer.create(out, Handler.DO_NOTHING), out);
        HtmlSanitizer.sanitize(html, policy.apply(texts));
        return texts;
    }

    /**
     * Lets through {@code <img>} with exactly the {@code src} and {@code srcset} of these pictures (our media URLs,
     * bound to each picture's hash) and the attributes {@link PictureRenderer} writes; any other image, however
     * written, is still removed.
     */
    /** A srcset with one space after each comma and none before (the sanitizer writes {@code "320w , ..."}). */
    private static String spaced(String srcset) {
        return srcset.replaceAll("\\s*,\\s*", ", ").strip();
    }

    private static PolicyFactory imagePolicy(Collection<Picture> pictures) {
        Set<String> sources = pictures.stream().map(Picture::src).collect(Collectors.toSet());
        Set<String> sourceSets = pictures.stream().map(picture -> spaced(picture.srcset())).collect(Collectors.toSet());
        return new HtmlPolicyBuilder()
                .allowElements("img", "figure")
                .allowUrlProtocols("https", "http")
                .allowAttributes("src").matching((element, name, value) -> sources.contains(value) ? value : null)
                .onElements("img")
                .allowAttributes("srcset")
                .matching((element, name, value) -> sourceSets.contains(spaced(value)) ? value : null)
                .onElements("img")
                .allowAttributes("sizes").matching(true, PictureRenderer.SIZES).onElements("img")
                .allowAttributes("alt").onElements("img")
                .allowAttributes("width", "height").matching(Pattern.compile("[0-9]{1,5}")).onElements("img")
                .allowAttributes("loading").matching(true, "lazy").onElements("img")
                .allowAttributes("class").matching(true, "media").onElements("figure")
                .toFactory();
    }

    /**
     * Keeps the anchor id of the first {@link #MAX_ANCHORED_HEADINGS} headings and drops it from the rest;
     * records the level and anchor of the anchored level-2 and level-3 ones, whose text comes from the
     * sanitized HTML.
     */
    private static final class HeadingCollector implements AttributeProvider {

        private final List<TocEntry> headings;
        private int anchored;

        HeadingCollector(List<TocEntry> headings) {
            this.headings = headings;
        }

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (!(node instanceof Heading heading) || !attributes.containsKey("id")) {
                return;
            }
            if (anchored == MAX_ANCHORED_HEADINGS) {
                attributes.remove("id");
                return;
            }
            anchored++;
            if (heading.getLevel() <= 3 && heading.getLevel() >= 2) {
                headings.add(new TocEntry(heading.getLevel(), null, attributes.get("id")));
            }
        }
    }
}
