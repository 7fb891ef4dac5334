package health.cms.core.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One thing that happened to an article, for one person of the desk: written with the action, read on the
 * desk, mailed at once or in a digest. It carries the article's title and nothing of its text.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String kind;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "article_title", nullable = false)
    private String articleTitle;

    @Column(nullable = false)
    private String actor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(nullable = false)
    private boolean mailed;

    protected Notification() {
    }

    /** {@code kind} is the value of the workflow's notification kind, such as {@code assigned}. */
    public Notification(String recipient, String kind, long articleId, String articleTitle, String actor,
            Instant now) {
        this.recipient = recipient;
        this.kind = kind;
        this.articleId = articleId;
        this.articleTitle = articleTitle;
        this.actor = actor;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String kind() {
        return kind;
    }

    public long articleId() {
        return articleId;
    }

    public String articleTitle() {
        return articleTitle;
    }

    public String actor() {
        return actor;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** Marks it read; reading it again keeps the first time. */
    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public boolean isMailed() {
        return mailed;
    }

    /** Queued in a mail: at once or in a digest, never in two. */
    public void mailed() {
        this.mailed = true;
    }
}
