package health.cms.core.article;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import health.cms.core.slug.Slugs;

/**
 * An article: a stable slug, the revision readers see (live) and the revision being worked on.
 *
 * <p>
 * The entity guards its own state: the status changes only through {@link #moveTo}, which re-checks
 * the legal graph, and every write is version-checked.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Convert(converter = ArticleStatus.Converter.class)
    @Column(nullable = false)
    private ArticleStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "live_revision_id")
    private Revision liveRevision;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "working_revision_id")
    private Revision workingRevision;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "first_published_at")
    private Instant firstPublishedAt;

    @Column(name = "last_reviewed_at")
    private Instant lastReviewedAt;

    @Column(name = "next_review_due")
    private Instant nextReviewDue;

    @Column(name = "assigned_reviewer")
    private String assignedReviewer;

    @Column(name = "submitted_by")
    private String submittedBy;

    // A change class's stored value: the workflow, which knows how the classes rank, keeps the strongest.
    @Column(name = "pending_change_class")
    private String pendingChangeClass;

    // a BCP 47 tag from the configured locales (checked by the workflow when the article is made)
    @Column(nullable = false)
    private String locale;

    // null for a source article (Hibernate leaves an embeddable whose columns are all null unset)
    @Embedded
    private Translation translation;

    protected Article() {
    }

    /** A new source article, written in {@code locale}. */
    public Article(String slug, String locale, Instant now) {
        this.slug = Slugs.requireValid(slug);
        this.locale = Objects.requireNonNull(locale);
        this.status = ArticleStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new translation of {@code base}'s article into {@code locale}, made from that source revision. */
    public static Article translationOf(Revision base, String slug, String locale, Instant now) {
        Article source = base.article();
        if (source.isTranslation() || locale.equals(source.locale())) {
            throw new IllegalArgumentException("A translation is of a source article, into another locale");
        }
        Article article = new Article(slug, locale, now);
        article.translation = new Translation(source, base);
        return article;
    }

    /** Bases the translation's working text on another (newer) revision of its source. */
    public void rebaseTranslation(Revision sourceRevision, Instant now) {
        requireTranslation().rebase(sourceRevision);
        updatedAt = now;
    }

    /** Flags the live translation as outdated: its source's live text changed in a way readers must know about. */
    public void markSourceChanged(Instant changedAt, String changeClass, Instant now) {
        requireTranslation().markSourceChanged(changedAt, changeClass);
        updatedAt = now;
    }

    /** Clears the outdated flag: the live translation now follows the source's live text. */
    public void markTranslationCurrent(Instant now) {
        if (requireTranslation().outdated()) {
            translation.markCurrent();
            updatedAt = now;
        }
    }

    /** Moves to another editorial state; refuses any move the status graph does not allow. */
    public void moveTo(ArticleStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalStateException("An article cannot move from " + status + " to " + target);
        }
        status = target;
        updatedAt = now;
    }

    /** Sends the working revision to medical review and remembers who sent it (they alone may take it back). */
    public void submitForReview(String submitter, Instant now) {
        moveTo(ArticleStatus.MEDICAL_REVIEW, now);
        submittedBy = submitter;
    }

    /** Makes a new revision the one being worked on; the live revision is untouched. */
    public void startWorkingOn(Revision revision, Instant now) {
        if (!Objects.equals(revision.article(), this)) {
            throw new IllegalArgumentException("Revision belongs to another article");
        }
        workingRevision = revision;
        updatedAt = now;
    }

    /** Puts the working revision live; the caller has checked its medical sign-off. */
    public void goLive(Instant now, Instant nextReviewDue) {
        moveTo(ArticleStatus.PUBLISHED, now);
        liveRevision = workingRevision;
        if (firstPublishedAt == null) {
            firstPublishedAt = now;
        }
        markReviewed(now, nextReviewDue);
        pendingChangeClass = null;
    }

    /**
     * Keeps the class (its stored value) of an approved change whose publication was cancelled, so the next
     * approval cannot classify the change readers get as weaker; it stays until the article goes live.
     */
    public void carryForwardChangeClass(String strongestPending, Instant now) {
        if (!Objects.equals(strongestPending, pendingChangeClass)) {
            pendingChangeClass = strongestPending;
            updatedAt = now;
        }
    }

    /** Takes the article off the public API; its history stays. */
    public void takeOffline(Instant now) {
        if (status == ArticleStatus.PUBLISHED) {
            moveTo(ArticleStatus.DRAFT, now);
        }
        liveRevision = null;
        updatedAt = now;
    }

    public void markReviewed(Instant reviewedAt, Instant nextReviewDue) {
        this.lastReviewedAt = reviewedAt;
        this.nextReviewDue = nextReviewDue;
        this.updatedAt = reviewedAt;
    }

    /** Marks a change to the article's plans (such as a scheduled unpublication), so its version moves on. */
    public void touch(Instant now) {
        this.updatedAt = now;
    }

    /** Records which medical reviewer the desk asked to review; null clears it. */
    public void assignReviewer(String username, Instant now) {
        this.assignedReviewer = username;
        this.updatedAt = now;
    }

    public void renameSlug(String newSlug, Instant now) {
        this.slug = Slugs.requireValid(newSlug);
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public ArticleStatus status() {
        return status;
    }

    public Revision liveRevision() {
        return liveRevision;
    }

    public Revision workingRevision() {
        return workingRevision;
    }

    public boolean isLive() {
        return liveRevision != null;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant firstPublishedAt() {
        return firstPublishedAt;
    }

    public Instant lastReviewedAt() {
        return lastReviewedAt;
    }

    public Instant nextReviewDue() {
        return nextReviewDue;
    }

    public String assignedReviewer() {
        return assignedReviewer;
    }

    /** The weakest class the next approval may give its change (a cancelled approval's class), or null. */
    public String pendingChangeClass() {
        return pendingChangeClass;
    }

    /** The BCP 47 tag of the language this article is written in. */
    public String locale() {
        return locale;
    }

    public boolean isTranslation() {
        return translation != null;
    }

    /** The link to the source article, or null when this article is not a translation. */
    public Translation translation() {
        return translation;
    }

    private Translation requireTranslation() {
        if (translation == null) {
            throw new IllegalStateException("Article " + slug + " is not a translation");
        }
        return translation;
    }

    /** Who submitted the article for its latest medical review, or null if it never was. */
    public String submittedBy() {
        return submittedBy;
    }
}
