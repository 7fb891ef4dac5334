package health.cms.core.article;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * What makes an article a translation: its source article, the source revision its text was made from, and,
 * while it is outdated, when and how (factual or clinical) the source's live text changed since.
 */
@Embeddable
public class Translation {

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "translation_of")
    private Article source;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_revision_id")
    private Revision base;

    @Column(name = "source_changed_at")
    private Instant sourceChangedAt;

    // a change class's stored value; the workflow, which ranks the classes, keeps the strongest since the base
    @Column(name = "source_change_class")
    private String sourceChangeClass;

    protected Translation() {
    }

    Translation(Article source, Revision base) {
        this.source = Objects.requireNonNull(source);
        rebase(base);
    }

    void rebase(Revision newBase) {
        if (!Objects.equals(newBase.article(), source)) {
            throw new IllegalArgumentException("A translation's base is a revision of its source article");
        }
        this.base = newBase;
    }

    void markSourceChanged(Instant changedAt, String changeClass) {
        this.sourceChangedAt = Objects.requireNonNull(changedAt);
        this.sourceChangeClass = Objects.requireNonNull(changeClass);
    }

    void markCurrent() {
        this.sourceChangedAt = null;
        this.sourceChangeClass = null;
    }

    /** The article this one translates. */
    public Article source() {
        return source;
    }

    /** The source revision this translation's working text was made from. */
    public Revision base() {
        return base;
    }

    /** Whether the source's live text changed factually or clinically since the live translation's base. */
    public boolean outdated() {
        return sourceChangedAt != null;
    }

    /** When the source's live text last changed in a way that outdates this translation, or null. */
    public Instant sourceChangedAt() {
        return sourceChangedAt;
    }

    /** The strongest change class (its stored value) of the source's changes since then, or null. */
    public String sourceChangeClass() {
        return sourceChangeClass;
    }
}
