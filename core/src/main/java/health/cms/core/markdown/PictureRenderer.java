package health.cms.core.markdown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders {@code ![alt](media:<sha256>)} as our image: {@code <img>} with {@code srcset}, {@code sizes}, the
 * signed alt text, width, height and lazy loading, in a {@code <figure>} with the caption and credit when it has
 * them ({@link PictureBlocks} has lifted those out of their paragraphs; one the Markdown nests in a link, heading
 * or emphasis keeps its caption and credit as {@code <small>} after the image, since a figure may not stand
 * there). Every other image renders as nothing: save refuses them, and older bodies never showed them either.
 */
final class PictureRenderer implements NodeRenderer {

    /** A rendition as wide as the column up to the largest width we make; narrower screens take a smaller one. */
    static final String SIZES = "(max-width: 1600px) 100vw, 1600px";
    static final String SCHEME = "media:";

    private final HtmlWriter html;
    private final Map<String, Picture> pictures;

    PictureRenderer(HtmlNodeRendererContext context, Map<String, Picture> pictures) {
        this.html = context.getWriter();
        this.pictures = pictures;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Image.class, PictureBlocks.Block.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof PictureBlocks.Block block) {
            html.line();
            render((Image) block.getFirstChild(), true);
            html.line();
        } else {
            render((Image) node, false);
        }
    }

    private void render(Image image, boolean block) {
        String destination = image.getDestination();
        Picture picture = destination != null && destination.startsWith(SCHEME)
                ? pictures.get(destination.substring(SCHEME.length()))
                : null;
        if (picture == null) {
            return;
        }
        boolean captioned = picture.caption() != null || picture.credit() != null;
        if (captioned && block) {
            html.tag("figure", Map.of("class", "media"));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("src", picture.src());
        if (!picture.srcset().isEmpty()) {
            attributes.put("srcset", picture.srcset());
            attributes.put("sizes", SIZES);
        }
        attributes.put("alt", picture.alt() == null ? "" : picture.alt());
        attributes.put("width", Integer.toString(picture.width()));
        attributes.put("height", Integer.toString(picture.height()));
        attributes.put("loading", "lazy");
        html.tag("img", attributes, true);
        if (captioned && block) {
            html.tag("figcaption");
            caption(picture);
            html.tag("/figcaption");
            html.tag("/figure");
        } else if (captioned) {
            html.text(" ");
            html.tag("small");
            caption(picture);
            html.tag("/small");
        }
    }

    private void caption(Picture picture) {
        if (picture.caption() != null) {
            html.text(picture.caption());
        }
        if (picture.credit() != null) {
            html.text(picture.caption() != null ? " " : "");
            html.tag("small");
            html.text(picture.credit());
            html.tag("/small");
        }
    }
}
