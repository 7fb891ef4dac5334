package health.cms.core.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Lifts each captioned library image out of its paragraph into a block of its own, so its {@code <figure>}
 * never sits inside a {@code <p>} (a figure is a block, and a browser would close the paragraph before it,
 * leaving an empty {@code <p></p>}). Text around the image stays in paragraphs before and after it. An image
 * without caption or credit is a plain {@code <img>} and may stay inline.
 */
final class PictureBlocks extends AbstractVisitor {

    /** A library image shown as a block: rendered as its {@code <figure>}, without a paragraph around it. */
    static final class Block extends CustomBlock {
    }

    private final Map<String, Picture> pictures;
    private final List<Paragraph> paragraphs = new ArrayList<>();

    private PictureBlocks(Map<String, Picture> pictures) {
        this.pictures = pictures;
    }

    static void lift(Node document, Map<String, Picture> pictures) {
        if (pictures.isEmpty()) {
            return;
        }
        PictureBlocks visitor = new PictureBlocks(pictures);
        document.accept(visitor);
        visitor.paragraphs.forEach(visitor::split);
    }

    @Override
    public void visit(Paragraph paragraph) {
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            if (captioned(child)) {
                paragraphs.add(paragraph);
                return;
            }
        }
    }

    /** The picture of a {@code media:} image with a caption or credit, or null. */
    private static Picture captionedPicture(Node node, Map<String, Picture> pictures) {
        if (!(node instanceof Image image) || image.getDestination() == null
                || !image.getDestination().startsWith(PictureRenderer.SCHEME)) {
            return null;
        }
        Picture picture = pictures.get(image.getDestination().substring(PictureRenderer.SCHEME.length()));
        return picture != null && (picture.caption() != null || picture.credit() != null) ? picture : null;
    }

    private boolean captioned(Node node) {
        return captionedPicture(node, pictures) != null;
    }

    /** Replaces the paragraph by its runs of text and its captioned images, in order. */
    private void split(Paragraph paragraph) {
        List<Node> children = new ArrayList<>();
        for (Node child = paragraph.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        Node anchor = paragraph;
        Paragraph run = null;
        for (Node child : children) {
            child.unlink();
            if (captioned(child)) {
                anchor = close(run, anchor);
                run = null;
                Block block = new Block();
                block.appendChild(child);
                anchor.insertAfter(block);
                anchor = block;
            } else {
                if (run == null) {
                    run = new Paragraph();
                }
                run.appendChild(child);
            }
        }
        close(run, anchor);
        paragraph.unlink();
    }

    /** Puts a run of text after {@code anchor} unless it is only the line breaks around an image. */
    private static Node close(Paragraph run, Node anchor) {
        if (run == null) {
            return anchor;
        }
        while (run.getFirstChild() != null && blank(run.getFirstChild())) {
            run.getFirstChild().unlink();
        }
        while (run.getLastChild() != null && blank(run.getLastChild())) {
            run.getLastChild().unlink();
        }
        if (run.getFirstChild() == null) {
            return anchor;
        }
        anchor.insertAfter(run);
        return run;
    }

    private static boolean blank(Node node) {
        return node instanceof SoftLineBreak || node instanceof HardLineBreak
                || node instanceof Text text && text.getLiteral().isBlank();
    }
}
