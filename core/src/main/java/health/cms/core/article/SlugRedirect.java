package health.cms.core.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An old slug of a renamed article, so links that readers and partners already have keep working. */
@Entity
@Table(name = "slug_redirect")
public class SlugRedirect {

    @Id
    @Column(name = "old_slug")
    private String oldSlug;

    @Column(name = "article_id", nullable = false)
    private Long articleId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SlugRedirect() {
    }

    public SlugRedirect(String oldSlug, Long articleId, Instant createdAt) {
        this.oldSlug = oldSlug;
        this.articleId = articleId;
        this.createdAt = createdAt;
    }

    public String oldSlug() {
        return oldSlug;
    }

    public Long articleId() {
        return articleId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
