package health.cms.core.review;

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

import health.cms.core.article.Revision;

/**
 * A medical reviewer's decision on one exact revision: bound to its content hash, with the reviewer's
 * name and credentials frozen as they were when they signed.
 */
@Entity
@Immutable
@Table(name = "sign_off")
public class SignOff {

    /** What the reviewer decided. */
    public enum Decision {

        APPROVED("approved"), CHANGES_REQUESTED("changes-requested"), RECERTIFIED("recertified");

        private final String value;

        Decision(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        /** Stores the decision by its name, never its ordinal. */
        @jakarta.persistence.Converter(autoApply = true)
        public static class Converter implements jakarta.persistence.AttributeConverter<Decision, String> {

            @Override
            public String convertToDatabaseColumn(Decision decision) {
                return decision.value;
            }

            @Override
            public Decision convertToEntityAttribute(String value) {
                for (Decision decision : values()) {
                    if (decision.value.equals(value)) {
                        return decision;
                    }
                }
                throw new IllegalArgumentException("Unknown decision '" + value + "'");
            }
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "revision_id")
    private Revision revision;

    @Column(nullable = false)
    private Decision decision;

    @Column(name = "reviewer_user", nullable = false)
    private String reviewerUser;

    @Column(name = "reviewer_name", nullable = false)
    private String reviewerName;

    @Column(name = "reviewer_credentials")
    private String reviewerCredentials;

    private String comment;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(name = "conflict_confirmed", nullable = false)
    private boolean conflictConfirmed;

    @Column(name = "conflict_statement")
    private String conflictStatement;

    protected SignOff() {
    }

    public SignOff(Revision revision, Decision decision, String reviewerUser, String reviewerName,
            String reviewerCredentials, String comment, Instant signedAt) {
        this.revision = revision;
        this.decision = decision;
        this.reviewerUser = reviewerUser;
        this.reviewerName = reviewerName;
        this.reviewerCredentials = reviewerCredentials;
        this.comment = comment;
        this.contentHash = revision.contentHash();
        this.signedAt = signedAt;
    }

    /**
     * An approval with the reviewer's conflict-of-interest answer: null when they were not asked, otherwise
     * no conflict or the one they named.
     */
    public SignOff(Revision revision, Decision decision, String reviewerUser, String reviewerName,
            String reviewerCredentials, String comment, Instant signedAt, ConflictOfInterest conflict) {
        this(revision, decision, reviewerUser, reviewerName, reviewerCredentials, comment, signedAt);
        this.conflictConfirmed = conflict != null;
        this.conflictStatement = conflict == null ? null : conflict.statement();
    }

    /** The reviewer's answer, or null for a sign-off made before the question was asked. */
    public ConflictOfInterest conflictOfInterest() {
        return conflictConfirmed ? new ConflictOfInterest(conflictStatement) : null;
    }

    /** True when this sign-off approves exactly the given revision's current text. */
    public boolean approves(Revision candidate) {
        return decision != Decision.CHANGES_REQUESTED && contentHash.equals(candidate.contentHash());
    }

    public Long id() {
        return id;
    }

    public Revision revision() {
        return revision;
    }

    public Decision decision() {
        return decision;
    }

    public String reviewerUser() {
        return reviewerUser;
    }

    public String reviewerName() {
        return reviewerName;
    }

    public String reviewerCredentials() {
        return reviewerCredentials;
    }

    public String comment() {
        return comment;
    }

    public String contentHash() {
        return contentHash;
    }

    public Instant signedAt() {
        return signedAt;
    }
}
