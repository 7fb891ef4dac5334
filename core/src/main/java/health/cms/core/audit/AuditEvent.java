package health.cms.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import health.cms.core.article.ContentHash;

/**
 * One line of the append-only audit trail. Its hash covers its own fields and the previous event's
 * hash, so changing or removing any event breaks the chain from that point on.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    /** The hash that the first event of the chain links to. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "article_id")
    private Long articleId;

    @Column(name = "revision_id")
    private Long revisionId;

    @Column(name = "from_status")
    private String fromStatus;

    @Column(name = "to_status")
    private String toStatus;

    private String comment;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String action, Long articleId, Long revisionId, String fromStatus,
            String toStatus, String comment, String prevHash) {
        this(occurredAt, actor, action, articleId, revisionId, fromStatus, toStatus, comment, null, null, prevHash);
    }

    /** An event about a catalog record ({@code subjectType} and {@code subjectId}) rather than an article. */
    public AuditEvent(Instant occurredAt, String actor, String action, Long articleId, Long revisionId, String fromStatus,
            String toStatus, String comment, String subjectType, String subjectId, String prevHash) {
        // PostgreSQL keeps microseconds; hash exactly what will be read back.
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        this.actor = actor;
        this.action = action;
        this.articleId = articleId;
        this.revisionId = revisionId;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.comment = comment;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /**
     * An event exactly as stored, for verifying a chain read without Hibernate (a restore checks the
     * rows it wrote before committing them). The hash is taken as given, not computed.
     */
    public static AuditEvent stored(long id, Instant occurredAt, String actor, String action, Long articleId,
            Long revisionId, String fromStatus, String toStatus, String comment, String subjectType, String subjectId,
            String prevHash, String hash) {
        AuditEvent event = new AuditEvent();
        event.id = id;
        event.occurredAt = occurredAt;
        event.actor = actor;
        event.action = action;
        event.articleId = articleId;
        event.revisionId = revisionId;
        event.fromStatus = fromStatus;
        event.toStatus = toStatus;
        event.comment = comment;
        event.subjectType = subjectType;
        event.subjectId = subjectId;
        event.prevHash = prevHash;
        event.hash = hash;
        return event;
    }

    /**
     * Recomputes the hash from the stored fields; differs from {@link #hash()} if the row was altered. An
     * event with a subject also hashes it (after the other fields); one without hashes the fields events had
     * before subjects existed, so their hashes never change. Removing a subject from a row breaks its hash
     * either way, since the subject is what distinguishes the two field lists.
     */
    public String computeHash() {
        List<String> fields = new ArrayList<>(Arrays.asList(occurredAt.toString(), actor, action, str(articleId),
                str(revisionId), fromStatus, toStatus, comment, prevHash));
        if (subjectType != null || subjectId != null) {
            fields.add(subjectType);
            fields.add(subjectId);
        }
        return ContentHash.ofFields(fields);
    }

    private static String str(Long value) {
        return value == null ? null : value.toString();
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public Long articleId() {
        return articleId;
    }

    public Long revisionId() {
        return revisionId;
    }

    public String fromStatus() {
        return fromStatus;
    }

    public String toStatus() {
        return toStatus;
    }

    public String comment() {
        return comment;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
