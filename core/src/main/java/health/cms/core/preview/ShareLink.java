package health.cms.core.preview;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import health.cms.core.refusal.Refusal;

/** An expiring link to one article's working revision, for reading a draft in a downstream site's layout; revocable. */
@Entity
@Table(name = "share_link")
public class ShareLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected ShareLink() {
    }

    public ShareLink(long articleId, String createdBy, Instant now, Instant expiresAt) {
        if (!expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("A share link must expire after it is made");
        }
        this.articleId = articleId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Ends the link before it expires; a link is revoked once. */
    public void revoke(String by, Instant now) {
        if (revokedAt != null) {
            throw Refusal.conflict("This preview link was already revoked");
        }
        this.revokedAt = now;
        this.revokedBy = by;
    }

    /** What the link's token says, to be signed with the preview link key. */
    public ShareToken token() {
        return new ShareToken(id, articleId, expiresAt);
    }

    public Long id() {
        return id;
    }

    public long articleId() {
        return articleId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }
}
