package health.cms.workflow;

import static health.cms.workflow.WorkflowTest.apply;
import static health.cms.workflow.WorkflowTest.edit;
import static health.cms.workflow.WorkflowTest.read;
import static health.cms.workflow.WorkflowTest.reload;
import static health.cms.workflow.testing.Fixtures.EDITOR1;
import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.REVIEWER2;
import static health.cms.workflow.testing.Fixtures.WRITER1;
import static health.cms.workflow.testing.Fixtures.WRITER2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.correction.ChangeClass;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The workflow's rules on a real database: separation of duties, the hash-bound sign-off, live stays live, stale versions. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class TransitionServiceTest {

    @Inject
    TransitionService transitions;
    @Inject
    SignOffRepository signOffs;
    @Inject
    AuditLog audit;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void anApprovalIsBoundToTheExactHashOfTheRevisionThatGoesLive() {
        Article published = Fixtures.published("hash-bound");
        read(() -> {
            Article article = reload(published);
            SignOff approval = signOffs.latestApproval(article.liveRevision()).orElseThrow();
            assertEquals(article.liveRevision().contentHash(), approval.contentHash());
            assertTrue(approval.approves(article.liveRevision()));
            assertEquals(ArticleStatus.PUBLISHED, article.status());
            return null;
        });
        assertEquals(List.of("create", "submit", "approve"),
                read(() -> audit.forArticle(published.id()).stream().map(AuditEvent::action).toList()),
                "the audit trail keeps the stored action values");
    }

    @Test
    void aReviewerCannotApproveARevisionTheyWroteWhateverTheirRoles() {
        Article own = Fixtures.drafting().create(REVIEWER2, Fixtures.input("own-work", "Own work", "## A\n\nText."));
        Article submitted = apply(REVIEWER2, own, EditorialAction.SUBMIT);

        Refusal refused = assertThrows(Refusal.Forbidden.class, () -> apply(REVIEWER2, submitted, EditorialAction.APPROVE));
        assertTrue(refused.getMessage().contains("another medical reviewer"), refused.getMessage());
        assertFalse(read(() -> transitions.availableActions(REVIEWER2, reload(submitted))).contains(EditorialAction.APPROVE));
        assertEquals(ArticleStatus.PUBLISHED, apply(REVIEWER1, submitted, EditorialAction.APPROVE).status());
    }

    @Test
    void someoneWhoEditedInTheRoundCannotApproveEither() {
        Article draft = Fixtures.draft("co-edited");
        Article edited = edit(REVIEWER2, draft, "## A\n\nreviewer2 edited this.");
        Article submitted = apply(WRITER1, edited, EditorialAction.SUBMIT);

        assertThrows(Refusal.Forbidden.class, () -> apply(REVIEWER2, submitted, EditorialAction.APPROVE));
    }

    @Test
    void theSubmitterIsStoredOnTheArticleAndOnlyTheyMayWithdraw() {
        Article submitted = Fixtures.submitted("withdrawn");
        assertEquals("writer1", submitted.submittedBy());

        assertThrows(Refusal.Forbidden.class, () -> apply(WRITER2, submitted, EditorialAction.WITHDRAW));
        assertFalse(read(() -> transitions.availableActions(WRITER2, reload(submitted))).contains(EditorialAction.WITHDRAW));
        assertEquals(ArticleStatus.DRAFT, apply(WRITER1, submitted, EditorialAction.WITHDRAW).status());
    }

    @Test
    void aWrongStateIsAConflictAndAWrongRoleIsForbidden() {
        Article draft = Fixtures.draft("wrong-state");
        assertThrows(Refusal.Conflict.class, () -> apply(REVIEWER1, draft, EditorialAction.APPROVE));
        assertThrows(Refusal.Forbidden.class, () -> apply(REVIEWER1, draft, EditorialAction.SUBMIT));
        assertThrows(Refusal.Conflict.class, () -> apply(EDITOR1, draft, EditorialAction.UNPUBLISH));
    }

    @Test
    void requestingChangesNeedsACommentAndSendsTheArticleBack() {
        Article submitted = Fixtures.submitted("needs-changes");
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> apply(REVIEWER1, submitted, EditorialAction.REQUEST_CHANGES));
        assertTrue(refused.fieldErrors().containsKey("comment"));

        Article back = apply(REVIEWER1, submitted, TransitionRequest.of(EditorialAction.REQUEST_CHANGES, "Cite 2023."));
        assertEquals(ArticleStatus.DRAFT, back.status());
    }

    @Test
    void editingALiveArticleKeepsTheLiveRevisionLiveUntilTheNextApproval() {
        Article live = Fixtures.published("stays-live");
        Article edited = edit(WRITER1, live, "## Dosage\n\nTake 10 mg once a day.");
        read(() -> {
            Article article = reload(edited);
            assertEquals(ArticleStatus.DRAFT, article.status());
            assertEquals(1, article.liveRevision().number());
            assertEquals(2, article.workingRevision().number());
            return null;
        });
        Article resubmitted = apply(WRITER1, edited, EditorialAction.SUBMIT);
        assertTrue(resubmitted.isLive(), "in review, the old revision is still what readers see");

        Refusal.Invalid unclassified = assertThrows(Refusal.Invalid.class,
                () -> apply(REVIEWER1, resubmitted, EditorialAction.APPROVE));
        assertTrue(unclassified.fieldErrors().containsKey("changeClass"));
        Refusal.Invalid noNote = assertThrows(Refusal.Invalid.class, () -> apply(REVIEWER1, resubmitted,
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.CLINICAL, null)));
        assertTrue(noNote.fieldErrors().containsKey("correctionNote"));

        Article corrected = apply(REVIEWER1, resubmitted, new TransitionRequest(EditorialAction.APPROVE, null, null,
                ChangeClass.CLINICAL, "The daily dose was corrected from 5 mg to 10 mg."));
        assertEquals(2, read(() -> reload(corrected).liveRevision().number()));
    }

    @Test
    void aChangeFromAStaleVersionIsRefusedNamingWhoChangedTheArticle() {
        Article draft = Fixtures.draft("stale");
        edit(WRITER2, draft, "## A\n\nwriter2 was first.");

        Refusal.Stale stale = assertThrows(Refusal.Stale.class, () -> apply(WRITER1, draft, EditorialAction.SUBMIT));
        assertTrue(stale.getMessage().contains("changed by writer2"), stale.getMessage());
    }

    @Test
    void unpublishingTakesTheArticleOfflineAndRecertifyingKeepsTheRevision() {
        Article live = Fixtures.published("recertified");
        Article recertified = apply(REVIEWER2, live, TransitionRequest.of(EditorialAction.RECERTIFY, "Still correct."));
        assertEquals(List.of(SignOff.Decision.APPROVED, SignOff.Decision.RECERTIFIED), read(() -> signOffs
                .forRevision(reload(recertified).liveRevision()).stream().map(SignOff::decision).toList()));

        assertThrows(Refusal.Forbidden.class, () -> apply(WRITER1, recertified, EditorialAction.UNPUBLISH));
        Article offline = apply(EDITOR1, recertified, EditorialAction.UNPUBLISH);
        assertFalse(offline.isLive());
        assertEquals(ArticleStatus.DRAFT, offline.status());
    }
}
