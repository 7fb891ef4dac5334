package health.cms.core.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import health.cms.core.refusal.Refusal;

/**
 * A reviewer's or editor's comment on a quoted passage of one revision, or a reply to one; a top-level
 * comment may block approval until someone resolves it, and resolving is the only change it ever takes.
 */
@Entity
@Table(name = "review_comment")
public class ReviewComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "revision_id", nullable = false)
    private long revisionId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "quote_exact")
    private String quoteExact;

    @Column(name = "quote_prefix")
    private String quotePrefix;

    @Column(name = "quote_suffix")
    private String quoteSuffix;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean blocking;

    @Column(nullable = false)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Version
    private long version;

    protected ReviewComment() {
    }

    private ReviewComment(long articleId, long revisionId, Long parentId, TextQuote quote, String body,
            boolean blocking, String author, Instant createdAt) {
        this.articleId = articleId;
        this.revisionId = revisionId;
        this.parentId = parentId;
        if (quote != null) {
            this.quoteExact = quote.exact();
            this.quotePrefix = quote.prefix();
            this.quoteSuffix = quote.suffix();
        }
        this.body = body;
        this.blocking = blocking;
        this.author = author;
        this.createdAt = createdAt;
    }

    /** A comment on a passage of the given revision. */
    public static ReviewComment on(long articleId, long revisionId, TextQuote quote, String body, boolean blocking,
            String author, Instant at) {
        return new ReviewComment(articleId, revisionId, null, quote, body, blocking, author, at);
    }

    /** A reply in this comment's thread, made while {@code revisionId} was the working revision. */
    public ReviewComment reply(long revisionId, String body, String author, Instant at) {
        if (parentId != null) {
            throw Refusal.conflict("Reply to the thread's first comment, not to a reply");
        }
        return new ReviewComment(articleId, revisionId, id, null, body, false, author, at);
    }

    /** Closes the thread; resolving twice is refused so nobody believes they closed what another did. */
    public void resolve(String by, Instant at) {
        if (parentId != null) {
            throw Refusal.conflict("A reply is resolved with its thread");
        }
        if (resolvedAt != null) {
            throw Refusal.conflict("This comment was already resolved by " + resolvedBy + " at " + resolvedAt);
        }
        this.resolvedBy = by;
        this.resolvedAt = at;
    }

    public Long id() {
        return id;
    }

    public long articleId() {
        return articleId;
    }

    public long revisionId() {
        return revisionId;
    }

    public Long parentId() {
        return parentId;
    }

    /** The quoted passage; null on a reply. */
    public TextQuote quote() {
        return quoteExact == null ? null : new TextQuote(quoteExact, quotePrefix, quoteSuffix);
    }

    public String body() {
        return body;
    }

    public boolean blocking() {
        return blocking;
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public boolean open() {
        return parentId == null && resolvedAt == null;
    }
}
