package health.cms.core.article;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One image a revision shows, as the library described it when the revision was saved: the asset's hash and
 * the alt text, caption and credit readers get. This copy is signed with the text and served with it.
 */
@Embeddable
public class RevisionImage {

    /** How a body names one of our assets: {@code ![alt](media:<sha256>)}. */
    public static final String SCHEME = "media:";

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "alt_text")
    private String altText;
    private String caption;
    private String credit;

    protected RevisionImage() {
    }

    public RevisionImage(String sha256, String altText, String caption, String credit) {
        this.sha256 = Objects.requireNonNull(sha256);
        this.altText = altText;
        this.caption = caption;
        this.credit = credit;
    }

    public String sha256() {
        return sha256;
    }

    public String altText() {
        return altText;
    }

    public String caption() {
        return caption;
    }

    public String credit() {
        return credit;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RevisionImage that && sha256.equals(that.sha256)
                && Objects.equals(altText, that.altText) && Objects.equals(caption, that.caption)
                && Objects.equals(credit, that.credit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sha256, altText, caption, credit);
    }

    @Override
    public String toString() {
        return "RevisionImage[" + sha256 + "]";
    }
}
