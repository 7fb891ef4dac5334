package health.cms.core.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * The Markdown as written, minus what the sanitizer would never let through to {@code body.html}: all raw
 * HTML (blocks and inline tags, even the few the sanitizer keeps, since telling them apart tag by tag is
 * the sanitizer's job and not a second parser's), images other than our library's, and the target of a link
 * whose scheme is not http, https or mailto (its text stays). A library image the revision shows,
 * {@code ![alt](media:<sha256>)}, becomes {@code ![signed alt text](<absolute URL of its widest rendition>)}, so
 * a site that renders the Markdown itself shows the picture the reviewer signed. Cut from the source by the
 * parser's own source positions, so everything else keeps the writer's formatting.
 */
final class PublicMarkdown extends AbstractVisitor {

    /** A half-open range of the source to leave out, or to replace by {@code text}. */
    private record Cut(int start, int end, String text) {

        Cut(int start, int end) {
            this(start, end, "");
        }
    }

    /** Characters that would end or change an image's alt text in Markdown, escaped with a backslash. */
    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("[\\\\`*_{}\\[\\]()<>#+\\-.!|&~\"']");

    private static final Pattern DROPPED_WITH_CONTENT = Pattern.compile(
            "<(script|style|noscript|nostyle|noembed|noframes|iframe|object|frame|frameset|title)(?=[\\s/>])",
            Pattern.CASE_INSENSITIVE);

    private final List<Cut> cuts = new ArrayList<>();
    private final Map<String, Picture> pictures;

    private PublicMarkdown(Map<String, Picture> pictures) {
        this.pictures = pictures;
    }

    /**
     * {@code document} must have been parsed from {@code source} with inline source spans; {@code pictures} are the
     * library images the revision shows, by hash.
     */
    static String of(String source, Node document, Map<String, Picture> pictures) {
        PublicMarkdown visitor = new PublicMarkdown(pictures);
        document.accept(visitor);
        return visitor.apply(source);
    }

    @Override
    public void visit(HtmlBlock htmlBlock) {
        cutAll(htmlBlock);
    }

    /**
     * An inline tag goes; one that opens an element the sanitizer drops with its content (its
     * {@code SKIPPABLE_ELEMENT_CONTENT}) takes the text up to its end tag in the same paragraph with it.
     */
    @Override
    public void visit(HtmlInline htmlInline) {
        cutAll(htmlInline);
        Matcher open = DROPPED_WITH_CONTENT.matcher(htmlInline.getLiteral());
        if (!open.lookingAt() || htmlInline.getSourceSpans().isEmpty()) {
            return;
        }
        Pattern close = Pattern.compile("</" + open.group(1) + "\\s*>", Pattern.CASE_INSENSITIVE);
        int end = end(htmlInline.getSourceSpans());
        for (Node next = htmlInline.getNext(); next != null; next = next.getNext()) {
            if (!next.getSourceSpans().isEmpty()) {
                end = end(next.getSourceSpans());
            }
            if (next instanceof HtmlInline tag && close.matcher(tag.getLiteral()).matches()) {
                break;
            }
        }
        cuts.add(new Cut(start(htmlInline.getSourceSpans()), end));
    }

    @Override
    public void visit(Image image) {
        String destination = image.getDestination() == null ? "" : image.getDestination().strip();
        Picture picture = destination.startsWith(PictureRenderer.SCHEME)
                ? pictures.get(destination.substring(PictureRenderer.SCHEME.length()))
                : null;
        List<SourceSpan> spans = image.getSourceSpans();
        if (picture != null && !spans.isEmpty()) {
            String alt = MARKDOWN_PUNCTUATION.matcher(picture.alt() == null ? "" : picture.alt().replaceAll("\\s+", " "))
                    .replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
            cuts.add(new Cut(start(spans), end(spans), "![" + alt + "](<" + picture.widestUrl() + ">)"));
        } else if (!isOurs(destination)) {
            cutAll(image);
        }
    }

    /** An image this class wrote in an earlier round: exactly the URL of a picture the revision shows. */
    private boolean isOurs(String destination) {
        return pictures.values().stream().anyMatch(picture -> picture.widestUrl().equals(destination));
    }

    @Override
    public void visit(LinkReferenceDefinition definition) {
        if (!safeUrl(definition.getDestination())) {
            cutAll(definition);
        }
    }

    @Override
    public void visit(Link link) {
        if (!safeUrl(link.getDestination())) {
            List<SourceSpan> spans = link.getSourceSpans();
            Node first = link.getFirstChild();
            Node last = link.getLastChild();
            if (spans.isEmpty() || first == null || first.getSourceSpans().isEmpty()
                    || last.getSourceSpans().isEmpty()) {
                cutAll(link);
                return;
            }
            cuts.add(new Cut(start(spans), start(first.getSourceSpans())));
            cuts.add(new Cut(end(last.getSourceSpans()), end(spans)));
        }
        visitChildren(link);
    }

    /**
     * The sanitizer's rule for links ({@code allowStandardUrlProtocols}): a relative URL, or a scheme that
     * is http, https or mailto. Anything else with a colon before the first slash, query or fragment is
     * refused, whatever it hides ({@code java\tscript:}, an entity-encoded scheme is decoded by now).
     */
    static boolean safeUrl(String url) {
        String value = url == null ? "" : url.strip();
        int colon = value.indexOf(':');
        if (colon < 0) {
            return true;
        }
        for (char stop : new char[]{'/', '?', '#'}) {
            int at = value.indexOf(stop);
            if (at >= 0 && at < colon) {
                return true;
            }
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    private void cutAll(Node node) {
        for (SourceSpan span : node.getSourceSpans()) {
            cuts.add(new Cut(span.getInputIndex(), span.getInputIndex() + span.getLength()));
        }
    }

    private String apply(String source) {
        cuts.sort(Comparator.comparingInt(Cut::start));
        StringBuilder out = new StringBuilder(source.length());
        int at = 0;
        for (Cut cut : cuts) {
            if (cut.start() > at) {
                out.append(source, at, cut.start());
            }
            if (cut.start() >= at) {
                out.append(cut.text());
            }
            at = Math.max(at, cut.end());
        }
        if (at < source.length()) {
            out.append(source, at, source.length());
        }
        return out.toString();
    }

    private static int start(List<SourceSpan> spans) {
        return spans.get(0).getInputIndex();
    }

    private static int end(List<SourceSpan> spans) {
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength();
    }
}
