package health.cms.workflow;

import static health.cms.workflow.WorkflowTest.apply;
import static health.cms.workflow.WorkflowTest.edit;
import static health.cms.workflow.WorkflowTest.read;
import static health.cms.workflow.WorkflowTest.reload;
import static health.cms.workflow.testing.Fixtures.EDITOR1;
import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.WRITER1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.correction.ChangeClass;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.schedule.ScheduledJob;
import health.cms.workflow.schedule.ScheduledJobRepository;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Planned transitions: an approval with a time waits as scheduled, and the scheduler's run goes through
 * the same checks and audit; a plan the article has moved past is cancelled, never forced.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SchedulingTest {

    @Inject
    TransitionService transitions;
    @Inject
    ScheduledJobRepository jobs;
    @Inject
    AuditLog audit;
    @Inject
    CorrectionRepository corrections;
    @Inject
    Clock clock;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
        runEverythingDueBy(clock.instant().plus(Duration.ofDays(365 * 6)));
    }

    @Test
    void anApprovalWithATimeWaitsAsScheduledAndTheRunPublishesIt() {
        Instant goLive = clock.instant().plus(Duration.ofHours(1));
        Article scheduled = approveAt(Fixtures.submitted("scheduled-publication"), goLive);
        assertEquals(ArticleStatus.SCHEDULED, scheduled.status());
        assertFalse(scheduled.isLive());
        assertEquals(0, runEverythingDueBy(clock.instant()), "nothing is due yet");

        assertEquals(1, runEverythingDueBy(goLive));
        Article published = read(() -> reload(scheduled));
        assertEquals(ArticleStatus.PUBLISHED, published.status());
        assertTrue(published.isLive());
        assertEquals(List.of("create", "submit", "approve", "publish-due"), actions(published));
        assertEquals(ScheduledJob.State.DONE, lastJob(published).state());
    }

    @Test
    void cancellingAScheduleReturnsTheArticleToDraftAndCancelsItsJob() {
        Article scheduled = approveAt(Fixtures.submitted("cancelled-publication"), clock.instant().plus(Duration.ofHours(1)));
        Article cancelled = apply(EDITOR1, scheduled, EditorialAction.CANCEL_SCHEDULE);

        assertEquals(ArticleStatus.DRAFT, cancelled.status());
        assertEquals(ScheduledJob.State.CANCELLED, lastJob(cancelled).state());
        assertEquals(0, runEverythingDueBy(clock.instant().plus(Duration.ofDays(1))));
        assertFalse(read(() -> reload(cancelled)).isLive());
    }

    @Test
    void approvedThenCancelledClinicalChangeCannotGoLiveAsTypo() {
        Article clinical = apply(WRITER1, edit(WRITER1, Fixtures.published("cancelled-clinical"),
                "## Dosage\n\nTake 20 mg once a day."), EditorialAction.SUBMIT);
        Article scheduled = apply(REVIEWER1, clinical, new TransitionRequest(EditorialAction.APPROVE, null,
                clock.instant().plus(Duration.ofHours(1)), ChangeClass.CLINICAL, "The daily dose is now 20 mg."));
        Article cancelled = apply(EDITOR1, scheduled, EditorialAction.CANCEL_SCHEDULE);
        assertEquals(ChangeClass.CLINICAL.value(), cancelled.pendingChangeClass(), "the cancelled class is stored");

        // A later typo fix on top still carries the never-published dose change.
        Article typoFix = apply(WRITER1, edit(WRITER1, cancelled, "## Dosage\n\nTake 20 mg once a day"),
                EditorialAction.SUBMIT);
        Refusal.Invalid asTypo = assertThrows(Refusal.Invalid.class, () -> apply(REVIEWER1, typoFix,
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.TYPO, null)));
        assertTrue(asTypo.fieldErrors().get("changeClass").contains("clinical or stronger"),
                asTypo.fieldErrors().toString());
        assertEquals(1, read(() -> reload(typoFix).liveRevision().number()), "readers still see the old dose");

        Article corrected = apply(REVIEWER1, typoFix, new TransitionRequest(EditorialAction.APPROVE, null, null,
                ChangeClass.CLINICAL, "The daily dose is now 20 mg."));
        assertEquals(ChangeClass.CLINICAL, read(() -> corrections.forArticle(reload(corrected)).get(0).changeClass()),
                "the public correction is made");
        assertNull(corrected.pendingChangeClass(), "the floor ends with the publication that carried it");
    }

    @Test
    void aPlannedUnpublicationOfAnArticleNoLongerLiveIsCancelledNotForced() {
        Article live = Fixtures.published("planned-offline");
        Instant offlineAt = clock.instant().plus(Duration.ofHours(2));
        Article planned = apply(EDITOR1, live,
                new TransitionRequest(EditorialAction.UNPUBLISH, null, offlineAt, null, null));
        assertTrue(planned.isLive(), "still live until the planned time");
        assertEquals("schedule-unpublish", actions(planned).get(actions(planned).size() - 1));

        Article offline = apply(EDITOR1, planned, EditorialAction.UNPUBLISH);
        assertEquals(1, runEverythingDueBy(offlineAt));
        ScheduledJob job = lastJob(offline);
        assertEquals(ScheduledJob.State.CANCELLED, job.state());
        assertEquals("the article was no longer live", job.outcome());
    }

    @Test
    void aPublicationMoreThanFiveYearsAheadIsRefused() {
        Article submitted = Fixtures.submitted("too-far-ahead");
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> approveAt(submitted, clock.instant().plus(Duration.ofDays(6 * 365))));
        assertTrue(refused.fieldErrors().containsKey("publishAt"));
    }

    @Test
    void movingAScheduledPublicationReplansItAndAuditsTheMove() {
        Instant planned = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Article scheduled = approveAt(Fixtures.submitted("moved-publication"), planned);
        ScheduledJob job = lastJob(scheduled);
        Instant later = planned.plus(Duration.ofDays(2));

        Article moved = transitions.reschedule(EDITOR1, scheduled.id(), scheduled.version(), job.id(), later);

        assertEquals(ArticleStatus.SCHEDULED, moved.status());
        assertTrue(moved.version() > scheduled.version(), "a move is a change of the article's plans");
        assertEquals(ScheduledJob.State.CANCELLED, read(() -> jobs.findById(job.id())).state());
        ScheduledJob replanned = lastJob(moved);
        assertEquals(ScheduledJob.State.PENDING, replanned.state());
        assertEquals(later, replanned.runAt());
        assertEquals(job.revisionId(), replanned.revisionId());
        assertEquals(List.of("create", "submit", "approve", "reschedule"), actions(moved));
        assertEquals(0, runEverythingDueBy(planned), "nothing is due at the old time");
        assertEquals(1, runEverythingDueBy(later));
        assertEquals(ArticleStatus.PUBLISHED, read(() -> reload(moved)).status());
    }

    @Test
    void movingAPlannedUnpublicationKeepsTheArticleLiveUntilTheNewTime() {
        Article live = Fixtures.published("moved-offline");
        Instant offlineAt = clock.instant().plus(Duration.ofHours(2));
        Article planned = apply(EDITOR1, live, new TransitionRequest(EditorialAction.UNPUBLISH, null, offlineAt, null, null));
        ScheduledJob job = lastJob(planned);

        Article moved = transitions.reschedule(EDITOR1, planned.id(), planned.version(), job.id(),
                offlineAt.plus(Duration.ofDays(1)));

        assertEquals(0, runEverythingDueBy(offlineAt));
        assertTrue(read(() -> reload(moved)).isLive());
        assertEquals(ScheduledJob.Kind.UNPUBLISH, lastJob(moved).kind());
        assertEquals(1, runEverythingDueBy(offlineAt.plus(Duration.ofDays(1))));
        assertFalse(read(() -> reload(moved)).isLive());
    }

    @Test
    void onlyAnEditorMovesAPlanAndOnlyToTheFuture() {
        Instant planned = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Article scheduled = approveAt(Fixtures.submitted("move-refusals"), planned);
        long job = lastJob(scheduled).id();

        assertThrows(Refusal.Forbidden.class, () -> transitions.reschedule(REVIEWER1, scheduled.id(), scheduled.version(),
                job, planned.plus(Duration.ofDays(1))));
        assertThrows(Refusal.Forbidden.class, () -> transitions.reschedule(WRITER1, scheduled.id(), scheduled.version(),
                job, planned.plus(Duration.ofDays(1))));
        Refusal.Invalid past = assertThrows(Refusal.Invalid.class, () -> transitions.reschedule(EDITOR1, scheduled.id(),
                scheduled.version(), job, clock.instant().minus(Duration.ofDays(1))));
        assertEquals("must be in the future", past.fieldErrors().get("runAt"));
        assertThrows(Refusal.Invalid.class, () -> transitions.reschedule(EDITOR1, scheduled.id(), scheduled.version(),
                job, clock.instant().plus(Duration.ofDays(6 * 365))));
        assertThrows(Refusal.Stale.class, () -> transitions.reschedule(EDITOR1, scheduled.id(), scheduled.version() - 1,
                job, planned.plus(Duration.ofDays(1))));
        assertEquals(planned, lastJob(scheduled).runAt(), "no refusal moved the plan");
        assertEquals(List.of("create", "submit", "approve"), actions(scheduled));
    }

    @Test
    void aPlanThatAlreadyRanCannotBeMoved() {
        Instant planned = clock.instant().plus(Duration.ofHours(1));
        Article scheduled = approveAt(Fixtures.submitted("move-after-run"), planned);
        long job = lastJob(scheduled).id();
        assertEquals(1, runEverythingDueBy(planned));
        Article published = read(() -> reload(scheduled));

        Refusal refused = assertThrows(Refusal.class, () -> transitions.reschedule(EDITOR1, published.id(),
                published.version(), job, planned.plus(Duration.ofDays(1))));
        assertTrue(refused instanceof Refusal.Conflict, refused.toString());
        assertTrue(refused.getMessage().contains("already ran or was cancelled"), refused.getMessage());
    }

    private Article approveAt(Article submitted, Instant at) {
        return apply(REVIEWER1, submitted, new TransitionRequest(EditorialAction.APPROVE, null, at, null, null));
    }

    /** Runs the scheduler's loop as if the time were {@code now}; returns how many jobs ran. */
    private int runEverythingDueBy(Instant now) {
        int ran = 0;
        while (QuarkusTransaction.requiringNew().call(() -> jobs.claimNextDue(now).map(job -> {
            transitions.runScheduled(job);
            return true;
        }).orElse(false))) {
            ran++;
        }
        return ran;
    }

    private List<String> actions(Article article) {
        return read(() -> audit.forArticle(article.id()).stream().map(AuditEvent::action).toList());
    }

    private ScheduledJob lastJob(Article article) {
        return read(() -> jobs.find("articleId = ?1 order by id desc", article.id()).firstResult());
    }
}
