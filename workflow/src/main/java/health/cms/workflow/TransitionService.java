package health.cms.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.correction.ChangeClass;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.ConflictOfInterest;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.workflow.review.ReviewStatus;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;

/**
 * The door for state changes: applies the actions of {@link EditorialAction} with their role, state,
 * sign-off and separation-of-duties checks, for people and for the scheduler's planned runs alike.
 */
@ApplicationScoped
public class TransitionService {

    /** How far ahead a publication may be scheduled. */
    private static final Duration LONGEST_SCHEDULE = Duration.ofDays(5 * 365);

    private final SignOffRepository signOffs;
    private final ProfileRepository profiles;
    private final ScheduledJobRepository jobs;
    private final TransitionRules rules;
    private final Publishing publishing;
    private final ArticleChanges changes;
    private final SubmitChecks submitChecks;
    private final Clock clock;

    TransitionService(SignOffRepository signOffs, ProfileRepository profiles, ScheduledJobRepository jobs,
            TransitionRules rules, Publishing publishing, ArticleChanges changes, SubmitChecks submitChecks,
            Clock clock) {
        this.signOffs = signOffs;
        this.profiles = profiles;
        this.jobs = jobs;
        this.rules = rules;
        this.publishing = publishing;
        this.changes = changes;
        this.submitChecks = submitChecks;
        this.clock = clock;
    }

    /** Applies one workflow action after checking role, state, sign-off and separation of duties. */
    @Transactional
    public Article apply(Actor actor, long articleId, long expectedVersion, TransitionRequest request) {
        Article article = changes.loadForUpdate(articleId, expectedVersion);
        EditorialAction action = request.action();
        rules.check(actor, article, action);
        if (action.commentRequired() && ContentResolver.isBlank(request.comment())) {
            throw Refusal.invalid(Map.of("comment", "is required for " + action.value()));
        }
        switch (action) {
            case SUBMIT -> submit(actor, article, request);
            case WITHDRAW, CANCEL_SCHEDULE -> returnToDraft(actor, article, action, request);
            case REQUEST_CHANGES -> requestChanges(actor, article, request);
            case APPROVE -> approve(actor, article, request);
            case PUBLISH_DUE -> throw Refusal.forbidden("Only the scheduler publishes scheduled articles");
            case UNPUBLISH -> unpublish(actor, article, request);
            case RECERTIFY -> recertify(actor, article, request);
        }
        return changes.flushed(article);
    }

    /** Runs one claimed scheduled job through the same checks and audit as a person's action. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void runScheduled(ScheduledJob job) {
        Article article = changes.lock(job.articleId());
        Instant now = clock.instant();
        switch (job.kind()) {
            case PUBLISH -> {
                Revision working = article.workingRevision();
                if (article.status() != ArticleStatus.SCHEDULED || !working.id().equals(job.revisionId())) {
                    job.finish(ScheduledJob.State.CANCELLED,
                            "the scheduled revision is no longer the one waiting to go live", now);
                    return;
                }
                String blocked = rules.blockingProblem(article, EditorialAction.PUBLISH_DUE);
                if (blocked != null) {
                    // A reviewer stopped the planned publication with a blocking comment: back to the writers,
                    // exactly as if an editor had cancelled the schedule.
                    returnToDraft(Actor.SCHEDULER, article, EditorialAction.CANCEL_SCHEDULE,
                            TransitionRequest.of(EditorialAction.CANCEL_SCHEDULE, blocked));
                    return;
                }
                publishing.goLive(Actor.SCHEDULER, article, EditorialAction.PUBLISH_DUE, job.changeClass(),
                        job.correctionNote(), "scheduled by " + job.requestedBy());
            }
            case UNPUBLISH -> {
                if (!article.isLive()) {
                    job.finish(ScheduledJob.State.CANCELLED, "the article was no longer live", now);
                    return;
                }
                publishing.takeOffline(Actor.SCHEDULER, article, "scheduled by " + job.requestedBy());
            }
        }
        job.finish(ScheduledJob.State.DONE, null, now);
    }

    /**
     * Moves a pending publication or unpublication to another time: the job is cancelled and the same change is
     * planned anew, in one transaction. It takes the checks of the action that the editor could otherwise use on
     * the plan (cancel-schedule for a publication, unpublish for an unpublication), so only an editor moves one,
     * and only while the article is still in the state the plan needs.
     */
    @Transactional
    public Article reschedule(Actor actor, long articleId, long expectedVersion, long jobId, Instant runAt) {
        Article article = changes.loadForUpdate(articleId, expectedVersion);
        ScheduledJob job = jobs.lockPendingFor(articleId).stream().filter(j -> j.id() == jobId).findFirst()
                .orElseThrow(() -> Refusal.conflict("This planned change already ran or was cancelled; "
                        + "reload the calendar to see where the article stands"));
        boolean publication = job.kind() == ScheduledJob.Kind.PUBLISH;
        rules.check(actor, article, publication ? EditorialAction.CANCEL_SCHEDULE : EditorialAction.UNPUBLISH);
        Revision revision = publication ? article.workingRevision() : article.liveRevision();
        if (publication && !revision.id().equals(job.revisionId())) {
            // the scheduler would cancel it too: the revision waiting to go live is no longer the one approved
            throw Refusal.conflict("The scheduled revision is no longer the one waiting to go live; reload the calendar");
        }
        Instant now = clock.instant();
        if (!runAt.isAfter(now)) {
            throw Refusal.invalid(Map.of("runAt", "must be in the future"));
        }
        if (runAt.isAfter(now.plus(LONGEST_SCHEDULE))) {
            throw Refusal.invalid(Map.of("runAt", "must be within five years"));
        }
        if (runAt.equals(job.runAt())) {
            throw Refusal.invalid(Map.of("runAt", "is already the planned time"));
        }
        String what = publication ? "publication" : "unpublication";
        job.finish(ScheduledJob.State.CANCELLED, "moved to " + runAt + " by " + actor.username(), now);
        jobs.persist(job.movedTo(runAt, actor.username()));
        article.touch(now);
        changes.record(actor, DraftingAction.RESCHEDULE, article, revision, article.status(), article.status(),
                what + " moved from " + job.runAt() + " to " + runAt);
        return changes.flushed(article);
    }

    /** The actions this person may take on this article right now, for rendering buttons. */
    public Set<EditorialAction> availableActions(Actor actor, Article article) {
        return rules.available(actor, article);
    }

    /** Why this person may not approve the revision, or null if they may. */
    public String separationOfDutiesProblem(Actor actor, Article article, Revision revision) {
        return rules.separationOfDutiesProblem(actor, article, revision);
    }

    private void submit(Actor actor, Article article, TransitionRequest request) {
        Revision working = article.workingRevision();
        submitChecks.check(working);
        ArticleStatus from = article.status();
        article.submitForReview(actor.username(), clock.instant());
        changes.record(actor, EditorialAction.SUBMIT, article, working, from, article.status(), request.comment());
    }

    /**
     * Withdraw and cancel-schedule; a cancelled schedule also cancels its pending publication, and its change
     * class is carried forward: the approved change is still in the text, and readers must get its correction.
     */
    private void returnToDraft(Actor actor, Article article, EditorialAction action, TransitionRequest request) {
        if (action == EditorialAction.CANCEL_SCHEDULE) {
            Instant now = clock.instant();
            jobs.lockPendingFor(article.id()).stream().filter(job -> job.kind() == ScheduledJob.Kind.PUBLISH)
                    .forEach(job -> {
                        job.finish(ScheduledJob.State.CANCELLED, "cancelled by " + actor.username(), now);
                        article.carryForwardChangeClass(
                                valueOf(ChangeClass.strongest(pendingChangeClass(article), job.changeClass())), now);
                    });
        }
        move(actor, article, action, request.comment());
    }

    private void requestChanges(Actor actor, Article article, TransitionRequest request) {
        Profile reviewer = reviewerProfile(actor);
        signOffs.persist(new SignOff(article.workingRevision(), SignOff.Decision.CHANGES_REQUESTED, actor.username(),
                reviewer.displayName(), reviewer.credentials(), request.comment(), clock.instant()));
        move(actor, article, EditorialAction.REQUEST_CHANGES, request.comment());
    }

    private void approve(Actor actor, Article article, TransitionRequest request) {
        Profile reviewer = reviewerProfile(actor);
        Instant now = clock.instant();
        boolean replacesLive = article.firstPublishedAt() != null;
        if (replacesLive && request.changeClass() == null) {
            throw Refusal.invalid(Map.of("changeClass",
                    "classify the change to this published article: typo, link, factual or clinical"));
        }
        ChangeClass floor = pendingChangeClass(article);
        if (floor != null && (request.changeClass() == null || request.changeClass().weakerThan(floor))) {
            throw Refusal.invalid(Map.of("changeClass", "an approved " + floor.value() + " change to this article "
                    + "never went live (its scheduled publication was cancelled) and is still in this text: classify "
                    + "the change as " + floor.value() + " or stronger, so readers get its correction"));
        }
        if (request.changeClass() != null && request.changeClass().needsPublicNote()
                && ContentResolver.isBlank(request.correctionNote())) {
            throw Refusal.invalid(Map.of("correctionNote",
                    "a " + request.changeClass().value() + " change needs a public correction note"));
        }
        if (request.at() != null && request.at().isAfter(now.plus(LONGEST_SCHEDULE))) {
            throw Refusal.invalid(Map.of("publishAt", "must be within five years"));
        }
        if (request.conflict() != null && request.conflict().statement() != null
                && request.conflict().statement().length() > ConflictOfInterest.MAX_STATEMENT) {
            throw Refusal.invalid(Map.of("conflictOfInterest",
                    "must be at most " + ConflictOfInterest.MAX_STATEMENT + " characters"));
        }
        Revision working = article.workingRevision();
        signOffs.persist(new SignOff(working, SignOff.Decision.APPROVED, actor.username(), reviewer.displayName(),
                reviewer.credentials(), request.comment(), now, request.conflict()));
        if (request.at() != null && request.at().isAfter(now)) {
            jobs.persist(new ScheduledJob(ScheduledJob.Kind.PUBLISH, article.id(), working.id(), request.at(),
                    actor.username(), request.changeClass(), request.correctionNote()));
            ArticleStatus from = article.status();
            article.moveTo(ArticleStatus.SCHEDULED, now);
            changes.record(actor, EditorialAction.APPROVE, article, working, from, ArticleStatus.SCHEDULED,
                    describeSchedule(request));
            return;
        }
        publishing.goLive(actor, article, EditorialAction.APPROVE, request.changeClass(), request.correctionNote(),
                request.comment());
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
            changes.record(actor, DraftingAction.SCHEDULE_UNPUBLISH, article, article.liveRevision(), article.status(),
                    article.status(), describeSchedule(request));
            return;
        }
        publishing.takeOffline(actor, article, request.comment());
    }

    private void recertify(Actor actor, Article article, TransitionRequest request) {
        Profile reviewer = reviewerProfile(actor);
        Revision live = article.liveRevision();
        Instant now = clock.instant();
        signOffs.persist(new SignOff(live, SignOff.Decision.RECERTIFIED, actor.username(), reviewer.displayName(),
                reviewer.credentials(), request.comment(), now));
        article.markReviewed(now, ReviewStatus.nextDue(now, live.category().reviewIntervalMonths()));
        changes.record(actor, EditorialAction.RECERTIFY, article, live, article.status(), article.status(),
                request.comment());
        publishing.publishRecertified(article, now);
    }

    private static ChangeClass pendingChangeClass(Article article) {
        return article.pendingChangeClass() == null ? null : ChangeClass.fromValue(article.pendingChangeClass());
    }

    private static String valueOf(ChangeClass changeClass) {
        return changeClass == null ? null : changeClass.value();
    }

    private static String describeSchedule(TransitionRequest request) {
        String when = "scheduled for " + request.at();
        return ContentResolver.isBlank(request.comment()) ? when : request.comment() + " (" + when + ")";
    }

    private Profile reviewerProfile(Actor actor) {
        return profiles.findByKeycloakUser(actor.username())
                .filter(Profile::isReviewer)
                .orElseThrow(() -> Refusal.forbidden("Your account (" + actor.username()
                        + ") has no medical reviewer profile; an editor must link one before you can sign off"));
    }

    /** Moves to the action's target state and records it against the working revision. */
    private void move(Actor actor, Article article, EditorialAction action, String comment) {
        ArticleStatus from = article.status();
        article.moveTo(action.to(), clock.instant());
        changes.record(actor, action, article, article.workingRevision(), from, action.to(), comment);
    }
}
