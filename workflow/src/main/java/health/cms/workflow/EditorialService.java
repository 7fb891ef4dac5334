package health.cms.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.hibernate.StaleStateException;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionContent;
import health.cms.core.article.RevisionRepository;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.correction.ChangeClass;
import health.cms.core.correction.Correction;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.outbox.Outbox;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.workflow.publication.PublicationProjector;
import health.cms.workflow.review.ReviewStatus;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;

/**
 * The one door for every change to an article: creating and editing drafts, and applying the
 * actions of {@link EditorialAction} with their role, state, sign-off and separation-of-duties checks.
 * The admin UI, the management API, the scheduler, the importer and the demo loader all come here.
 */
@ApplicationScoped
public class EditorialService {

    /** How far ahead a publication may be scheduled. */
    private static final java.time.Duration LONGEST_SCHEDULE = java.time.Duration.ofDays(5 * 365);

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final SignOffRepository signOffs;
    private final CorrectionRepository corrections;
    private final ProfileRepository profiles;
    private final ScheduledJobRepository jobs;
    private final AuditLog audit;
    private final ContentResolver resolver;
    private final PublicationProjector publication;
    private final Outbox outbox;
    private final Clock clock;

    EditorialService(ArticleRepository articles, RevisionRepository revisions, SignOffRepository signOffs,
            CorrectionRepository corrections, ProfileRepository profiles, ScheduledJobRepository jobs, AuditLog audit,
            ContentResolver resolver, PublicationProjector publication, Outbox outbox, Clock clock) {
        this.articles = articles;
        this.revisions = revisions;
        this.signOffs = signOffs;
        this.corrections = corrections;
        this.profiles = profiles;
        this.jobs = jobs;
        this.audit = audit;
        this.resolver = resolver;
        this.publication = publication;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates a new article with its first revision, as a draft. */
    @Transactional
    public Article create(Actor actor, ArticleInput input) {
        requireRole(actor, Role.WRITER, "create articles");
        Map<String, String> slugErrors = new LinkedHashMap<>();
        ContentResolver.slugProblem(input.slug()).ifPresent(problem -> slugErrors.put("slug", problem));
        if (slugErrors.isEmpty() && articles.findBySlug(input.slug()).isPresent()) {
            slugErrors.put("slug", "an article with slug '" + input.slug() + "' already exists");
        }
        RevisionContent content;
        try {
            content = resolver.resolve(input);
        } catch (Refusal invalid) {
            slugErrors.putAll(invalid.fieldErrors());
            throw Refusal.invalid(slugErrors);
        }
        if (!slugErrors.isEmpty()) {
            throw Refusal.invalid(slugErrors);
        }
        Instant now = clock.instant();
        Article article = new Article(input.slug(), now);
        articles.persist(article);
        Revision first = new Revision(article, 1, content, input.changeNote(), actor.username(), now);
        revisions.persist(first);
        article.startWorkingOn(first, now);
        record(actor, "create", article, first, null, ArticleStatus.DRAFT, input.changeNote());
        return flushed(article);
    }

    /**
     * Saves an edit as a new revision. A published article goes back to draft for its next revision
     * while the live revision stays public; content under review or scheduled cannot be edited.
     */
    @Transactional
    public Article edit(Actor actor, long articleId, long expectedVersion, ArticleInput input) {
        requireRole(actor, Role.WRITER, "edit articles");
        Article article = loadForUpdate(articleId, expectedVersion);
        ArticleStatus from = article.status();
        if (from == ArticleStatus.MEDICAL_REVIEW || from == ArticleStatus.SCHEDULED) {
            throw Refusal.conflict("The article is " + from + "; withdraw it or have changes requested "
                    + "before editing, so the reviewer signs off the text they read");
        }
        if (input.slug() != null && !input.slug().equals(article.slug())) {
            throw Refusal.invalid(Map.of("slug", "cannot be changed by an edit"));
        }
        RevisionContent content = resolver.resolve(input);
        Instant now = clock.instant();
        Revision revision = new Revision(article, revisions.nextNumber(article), content, input.changeNote(),
                actor.username(), now);
        revisions.persist(revision);
        article.startWorkingOn(revision, now);
        if (from == ArticleStatus.PUBLISHED) {
            article.moveTo(ArticleStatus.DRAFT, now);
        }
        record(actor, "edit", article, revision, from, article.status(), input.changeNote());
        return flushed(article);
    }

    /**
     * Renames an article's slug (editors only). The old slug keeps answering with a redirect to the
     * new one, and a live article's public entry moves with it.
     */
    @Transactional
    public Article renameSlug(Actor actor, long articleId, long expectedVersion, String newSlug) {
        requireRole(actor, Role.EDITOR, "rename articles");
        Article article = loadForUpdate(articleId, expectedVersion);
        ContentResolver.slugProblem(newSlug).ifPresent(problem -> {
            throw Refusal.invalid(Map.of("slug", problem));
        });
        if (newSlug.equals(article.slug())) {
            return article;
        }
        var em = articles.getEntityManager();
        boolean taken = articles.findBySlug(newSlug).isPresent() || !em.createNativeQuery(
                "SELECT 1 FROM slug_redirect WHERE old_slug = :slug AND article_id <> :id")
                .setParameter("slug", newSlug).setParameter("id", article.id()).getResultList().isEmpty();
        if (taken) {
            throw Refusal.invalid(Map.of("slug", "'" + newSlug + "' is or was used by another article"));
        }
        String oldSlug = article.slug();
        Instant now = clock.instant();
        article.renameSlug(newSlug, now);
        em.createNativeQuery("DELETE FROM slug_redirect WHERE old_slug = :slug").setParameter("slug", newSlug)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO slug_redirect (old_slug, article_id, created_at) VALUES (:old, :id, :now)")
                .setParameter("old", oldSlug).setParameter("id", article.id()).setParameter("now", now).executeUpdate();
        record(actor, "rename-slug", article, article.workingRevision(), article.status(), article.status(),
                oldSlug + " -> " + newSlug);
        if (article.isLive()) {
            publication.publish(article, now, false);
            publication.renamed(oldSlug);
        }
        return flushed(article);
    }

    /**
     * Assigns the medical reviewer the desk wants on this article (editors only). The reviewer needs a
     * reviewer profile and must not have written or edited the revision under review.
     */
    @Transactional
    public Article assignReviewer(Actor actor, long articleId, long expectedVersion, String reviewer) {
        requireRole(actor, Role.EDITOR, "assign reviewers");
        Article article = loadForUpdate(articleId, expectedVersion);
        if (reviewer != null) {
            boolean isReviewer = profiles.findByKeycloakUser(reviewer).map(Profile::isReviewer).orElse(false);
            if (!isReviewer) {
                throw Refusal.invalid(Map.of("reviewer", "'" + reviewer + "' has no medical reviewer profile"));
            }
            if (contributorsOf(article, article.workingRevision()).contains(reviewer)) {
                throw Refusal.invalid(Map.of("reviewer",
                        "'" + reviewer + "' wrote or edited this revision and cannot review it"));
            }
        }
        article.assignReviewer(reviewer, clock.instant());
        record(actor, "assign-reviewer", article, article.workingRevision(), article.status(), article.status(),
                reviewer == null ? "unassigned" : reviewer);
        return flushed(article);
    }

    /** Applies one workflow action after checking role, state, sign-off and separation of duties. */
    @Transactional
    public Article apply(Actor actor, long articleId, long expectedVersion, TransitionRequest request) {
        Article article = loadForUpdate(articleId, expectedVersion);
        EditorialAction action = request.action();
        checkAllowed(actor, article, action);
        if (action.commentRequired() && ContentResolver.isBlank(request.comment())) {
            throw Refusal.invalid(Map.of("comment", "is required for " + action.value()));
        }
        switch (action) {
            case SUBMIT -> submit(actor, article, request);
            case WITHDRAW -> withdraw(actor, article, request);
            case REQUEST_CHANGES -> requestChanges(actor, article, request);
            case APPROVE -> approve(actor, article, request);
            case CANCEL_SCHEDULE -> cancelSchedule(actor, article, request);
            case PUBLISH_DUE -> throw Refusal.forbidden("Only the scheduler publishes scheduled articles");
            case UNPUBLISH -> unpublish(actor, article, request);
            case RECERTIFY -> recertify(actor, article, request);
        }
        return flushed(article);
    }

    /** Runs one claimed scheduled job through the same checks and audit as a person's action. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void runScheduled(ScheduledJob job) {
        Article article = articles.findByIdOptional(job.articleId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("Article " + job.articleId()));
        Instant now = clock.instant();
        switch (job.kind()) {
            case PUBLISH -> {
                Revision working = article.workingRevision();
                if (article.status() != ArticleStatus.SCHEDULED || !working.id().equals(job.revisionId())) {
                    job.finish("cancelled", "the scheduled revision is no longer the one waiting to go live", now);
                    return;
                }
                goLive(Actor.SCHEDULER, article, EditorialAction.PUBLISH_DUE.value(), job.changeClass(),
                        job.correctionNote(), "scheduled by " + job.requestedBy());
            }
            case UNPUBLISH -> {
                if (!article.isLive()) {
                    job.finish("cancelled", "the article was no longer live", now);
                    return;
                }
                takeOffline(Actor.SCHEDULER, article, "scheduled by " + job.requestedBy());
            }
        }
        job.finish("done", null, now);
    }

    /** The actions this person may take on this article right now, for rendering buttons. */
    public Set<EditorialAction> availableActions(Actor actor, Article article) {
        Set<EditorialAction> actions = EditorialAction.available(article.status(), article.isLive(), actor);
        actions.removeIf(action -> refusal(actor, article, action) != null);
        return actions;
    }

    /** Why this person may not approve the working revision, or null if they may. */
    public String separationOfDutiesProblem(Actor actor, Article article, Revision revision) {
        Set<String> contributors = contributorsOf(article, revision);
        return contributors.contains(actor.username())
                ? "You wrote or edited revision " + revision.number() + ", so another medical reviewer must sign it off"
                : null;
    }

    private void submit(Actor actor, Article article, TransitionRequest request) {
        Revision working = article.workingRevision();
        Map<String, String> errors = new LinkedHashMap<>();
        if (working.bodyMarkdown().isBlank()) {
            errors.put("body", "is required before submitting for medical review");
        }
        if (working.references().isEmpty()) {
            errors.put("references", "a medical article needs at least one reference before review");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        move(actor, article, ArticleStatus.MEDICAL_REVIEW, "submit", request.comment());
    }

    private void withdraw(Actor actor, Article article, TransitionRequest request) {
        move(actor, article, ArticleStatus.DRAFT, "withdraw", request.comment());
    }

    private void requestChanges(Actor actor, Article article, TransitionRequest request) {
        Profile reviewer = reviewerProfile(actor);
        signOffs.persist(new SignOff(article.workingRevision(), SignOff.Decision.CHANGES_REQUESTED, actor.username(),
                reviewer.displayName(), reviewer.credentials(), request.comment(), clock.instant()));
        move(actor, article, ArticleStatus.DRAFT, "request-changes", request.comment());
    }

    private void approve(Actor actor, Article article, TransitionRequest request) {
        Profile reviewer = reviewerProfile(actor);
        Instant now = clock.instant();
        boolean replacesLive = article.firstPublishedAt() != null;
        if (replacesLive && request.changeClass() == null) {
            throw Refusal.invalid(Map.of("changeClass",
                    "classify the change to this published article: typo, link, factual or clinical"));
        }
        if (request.changeClass() != null && request.changeClass().needsPublicNote()
                && ContentResolver.isBlank(request.correctionNote())) {
            throw Refusal.invalid(Map.of("correctionNote",
                    "a " + request.changeClass().value() + " change needs a public correction note"));
        }
        if (request.at() != null && request.at().isAfter(now.plus(LONGEST_SCHEDULE))) {
            throw Refusal.invalid(Map.of("publishAt", "must be within five years"));
        }
        Revision working = article.workingRevision();
        signOffs.persist(new SignOff(working, SignOff.Decision.APPROVED, actor.username(), reviewer.displayName(),
                reviewer.credentials(), request.comment(), now));
        if (request.at() != null && request.at().isAfter(now)) {
            jobs.persist(new ScheduledJob(ScheduledJob.Kind.PUBLISH, article.id(), working.id(), request.at(),
                    actor.username(), request.changeClass(), request.correctionNote()));
            move(actor, article, ArticleStatus.SCHEDULED, "approve", describeSchedule(request));
            return;
        }
        goLive(actor, article, "approve", request.changeClass(), request.correctionNote(), request.comment());
    }

    private static String describeSchedule(TransitionRequest request) {
        String when = "scheduled for " + request.at();
        return ContentResolver.isBlank(request.comment()) ? when : request.comment() + " (" + when + ")";
    }

    /** Invariant 2: the working revision goes live only with an approval of exactly its text. */
    private void goLive(Actor actor, Article article, String actionName, ChangeClass changeClass, String correctionNote,
            String comment) {
        Revision working = article.workingRevision();
        boolean signedOff = signOffs.latestApproval(working).map(s -> s.approves(working)).orElse(false);
        if (!signedOff) {
            throw Refusal.conflict("Revision " + working.number() + " has no medical sign-off of its exact text");
        }
        Instant now = clock.instant();
        ArticleStatus from = article.status();
        boolean replacesLive = article.firstPublishedAt() != null;
        boolean wasLive = article.isLive();
        article.goLive(now, ReviewStatus.nextDue(now, working.category().reviewIntervalMonths()));
        if (replacesLive && changeClass != null) {
            corrections.persist(new Correction(article, working, changeClass, correctionNote, now));
            if (changeClass.needsPublicNote()) {
                outbox.record(Outbox.EventType.CORRECTION_PUBLISHED, article, working, now);
            }
        }
        record(actor, actionName, article, working, from, ArticleStatus.PUBLISHED, comment);
        publication.publish(article, now, true);
        outbox.record(wasLive ? Outbox.EventType.ARTICLE_UPDATED : Outbox.EventType.ARTICLE_PUBLISHED, article, working,
                now);
    }

    private void cancelSchedule(Actor actor, Article article, TransitionRequest request) {
        Instant now = clock.instant();
        jobs.lockPendingFor(article.id()).stream().filter(job -> job.kind() == ScheduledJob.Kind.PUBLISH)
                .forEach(job -> job.finish("cancelled", "cancelled by " + actor.username(), now));
        move(actor, article, ArticleStatus.DRAFT, "cancel-schedule", request.comment());
    }

    private void unpublish(Actor actor, Article article, TransitionRequest request) {
        Instant now = clock.instant();
        if (request.at() != null && request.at().isAfter(now.plus(LONGEST_SCHEDULE))) {
            throw Refusal.invalid(Map.of("unpublishAt", "must be within five years"));
        }
        if (request.at() != null && request.at().isAfter(now)) {
            jobs.persist(new ScheduledJob(ScheduledJob.Kind.UNPUBLISH, article.id(), article.liveRevision().id(),
                    request.at(), actor.username(), null, null));
            article.touch(now);
            record(actor, "schedule-unpublish", article, article.liveRevision(), article.status(), article.status(),
                    describeSchedule(request));
            return;
        }
        takeOffline(actor, article, request.comment());
    }

    private void takeOffline(Actor actor, Article article, String comment) {
        Revision wasLive = article.liveRevision();
        ArticleStatus from = article.status();
        article.takeOffline(clock.instant());
        record(actor, "unpublish", article, wasLive, from, article.status(), comment);
        publication.withdraw(article);
        outbox.record(Outbox.EventType.ARTICLE_UNPUBLISHED, article, wasLive, clock.instant());
    }

    private void recertify(Actor actor, Article article, TransitionRequest request) {
        Profile reviewer = reviewerProfile(actor);
        Revision live = article.liveRevision();
        Instant now = clock.instant();
        signOffs.persist(new SignOff(live, SignOff.Decision.RECERTIFIED, actor.username(), reviewer.displayName(),
                reviewer.credentials(), request.comment(), now));
        article.markReviewed(now, ReviewStatus.nextDue(now, live.category().reviewIntervalMonths()));
        record(actor, "recertify", article, live, article.status(), article.status(), request.comment());
        publication.publish(article, now, false);
    }

    private void checkAllowed(Actor actor, Article article, EditorialAction action) {
        String refusal = refusal(actor, article, action);
        if (refusal == null) {
            return;
        }
        boolean stateProblem = !action.allowedFrom(article.status(), article.isLive());
        throw stateProblem ? Refusal.conflict(refusal) : Refusal.forbidden(refusal);
    }

    /** The reason this action is refused for this person and article, or null when it is allowed. */
    private String refusal(Actor actor, Article article, EditorialAction action) {
        if (!action.allowedFor(actor)) {
            return "The " + action.value() + " action needs the " + action.role().value() + " role";
        }
        if (!action.allowedFrom(article.status(), article.isLive())) {
            return action.needsLiveRevision() && !article.isLive()
                    ? "The article is not live, so it cannot be "
                            + (action == EditorialAction.UNPUBLISH ? "unpublished" : "recertified")
                    : "The " + action.value() + " action is not possible while the article is " + article.status();
        }
        return switch (action) {
            case APPROVE -> separationOfDutiesProblem(actor, article, article.workingRevision());
            case RECERTIFY -> separationOfDutiesProblem(actor, article, article.liveRevision());
            case WITHDRAW -> actor.username().equals(lastActor(article, "submit"))
                    ? null
                    : "Only the person who submitted the article can withdraw it";
            default -> null;
        };
    }

    /** Everyone who created a revision in the editing round that produced this revision. */
    private Set<String> contributorsOf(Article article, Revision revision) {
        Integer previousApproved = signOffs.getEntityManager().createQuery("""
                select max(s.revision.number) from SignOff s
                where s.revision.article = :article and s.decision = :approved and s.revision.number < :number""",
                Integer.class)
                .setParameter("article", article)
                .setParameter("approved", SignOff.Decision.APPROVED)
                .setParameter("number", revision.number())
                .getSingleResult();
        int after = previousApproved == null ? 0 : previousApproved;
        return Set.copyOf(revisions.getEntityManager().createQuery("""
                select distinct r.createdBy from Revision r
                where r.article = :article and r.number > :after and r.number <= :number""", String.class)
                .setParameter("article", article)
                .setParameter("after", after)
                .setParameter("number", revision.number())
                .getResultList());
    }

    private String lastActor(Article article, String action) {
        List<AuditEvent> events = audit.list("articleId = ?1 and action = ?2 order by id desc", article.id(), action);
        return events.isEmpty() ? null : events.get(0).actor();
    }

    private Profile reviewerProfile(Actor actor) {
        return profiles.findByKeycloakUser(actor.username())
                .filter(Profile::isReviewer)
                .orElseThrow(() -> Refusal.forbidden("Your account (" + actor.username()
                        + ") has no medical reviewer profile; an editor must link one before you can sign off"));
    }

    private void move(Actor actor, Article article, ArticleStatus to, String actionName, String comment) {
        ArticleStatus from = article.status();
        article.moveTo(to, clock.instant());
        record(actor, actionName, article, article.workingRevision(), from, to, comment);
    }

    private void record(Actor actor, String action, Article article, Revision revision, ArticleStatus from,
            ArticleStatus to, String comment) {
        audit.append(new AuditLog.Entry(clock.instant(), actor.username(), action, article.id(),
                revision == null ? null : revision.id(), from == null ? null : from.value(), to == null ? null : to.value(),
                comment));
    }

    private static void requireRole(Actor actor, Role role, String what) {
        if (!actor.has(role)) {
            throw Refusal.forbidden("You need the " + role.value() + " role to " + what);
        }
    }

    /**
     * Loads the article for a change: its row is locked first (as the scheduler does), then the version
     * checked. Two people changing one article at once take turns, and the second finds the version the
     * first left and is refused as stale, naming who changed it. Without the lock both passed the check
     * and the loser only failed later, somewhere inside the change: at the revision number the winner took
     * (a 500) or at a flush in the middle of the audit (which ended a bulk approval halfway).
     */
    private Article loadForUpdate(long articleId, long expectedVersion) {
        Article article = articles.findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("Article " + articleId));
        if (article.version() != expectedVersion) {
            throw stale(article);
        }
        return article;
    }

    /** Flushes now so a concurrent commit surfaces as a clear stale-version refusal, not a 500. */
    private Article flushed(Article article) {
        try {
            articles.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw Refusal.stale("Someone else changed this article at the same moment; reload it and try again");
        }
        return article;
    }

    private Refusal stale(Article article) {
        List<AuditEvent> last = audit.list("articleId = ?1 order by id desc", article.id());
        String who = last.isEmpty() ? "someone else" : last.get(0).actor();
        String when = last.isEmpty() ? String.valueOf(article.updatedAt()) : String.valueOf(last.get(0).occurredAt());
        return Refusal.stale("This article was changed by " + who + " at " + when
                + " (now version " + article.version() + "); reload it and apply your changes again");
    }
}
