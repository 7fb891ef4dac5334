package health.cms.core.correction;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import health.cms.core.article.Article;
import health.cms.core.article.Revision;

/** A classified change to a live article; factual and clinical ones carry a public note. */
@Entity
@Immutable
@Table(name = "correction")
public class Correction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "article_id")
    private Article article;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "revision_id")
    private Revision revision;

    @Column(name = "change_class", nullable = false)
    private String changeClass;

    private String note;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected Correction() {
    }

    public Correction(Article article, Revision revision, ChangeClass changeClass, String note, Instant publishedAt) {
        if (changeClass.needsPublicNote() && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("A " + changeClass.value() + " change needs a public correction note");
        }
        this.article = article;
        this.revision = revision;
        this.changeClass = changeClass.value();
        this.note = note;
        this.publishedAt = publishedAt;
    }

    public Long id() {
        return id;
    }

    public Article article() {
        return article;
    }

    public Revision revision() {
        return revision;
    }

    public ChangeClass changeClass() {
        return ChangeClass.fromValue(changeClass);
    }

    public String note() {
        return note;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
