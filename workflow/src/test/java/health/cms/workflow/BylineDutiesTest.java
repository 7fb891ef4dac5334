package health.cms.workflow;

import static health.cms.workflow.WorkflowTest.apply;
import static health.cms.workflow.WorkflowTest.read;
import static health.cms.workflow.WorkflowTest.reload;
import static health.cms.workflow.testing.Fixtures.EDITOR1;
import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.REVIEWER2;
import static health.cms.workflow.testing.Fixtures.WRITER1;
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
import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Separation of duties covers the byline: a medical reviewer whose profile is named as an author signs
 * off neither that revision nor its recertification, and only profiles marked as authors stand in a byline.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BylineDutiesTest {

    /** Robert Checker's profile is an author and a reviewer, linked to the account reviewer2. */
    private static final String REVIEWER2_PROFILE = "robert-checker";

    @Inject
    TransitionService transitions;
    @Inject
    DraftingService drafting;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void aReviewerNamedInTheBylineCannotApproveTheArticleAWriterTyped() {
        Article submitted = submittedWithByline("byline-approve", "anna-berg", REVIEWER2_PROFILE);

        Refusal refused = assertThrows(Refusal.Forbidden.class, () -> apply(REVIEWER2, submitted, EditorialAction.APPROVE));
        assertTrue(refused.getMessage().contains("is in the byline of revision 1"), refused.getMessage());
        assertFalse(read(() -> transitions.availableActions(REVIEWER2, reload(submitted))).contains(EditorialAction.APPROVE),
                "the desk does not offer the button either");
        assertEquals(ArticleStatus.MEDICAL_REVIEW, read(() -> reload(submitted)).status());
        assertEquals(ArticleStatus.PUBLISHED, apply(REVIEWER1, submitted, EditorialAction.APPROVE).status());
    }

    @Test
    void aReviewerNamedInTheBylineCannotRecertifyTheLiveText() {
        Article live = apply(REVIEWER1, submittedWithByline("byline-recertify", REVIEWER2_PROFILE),
                EditorialAction.APPROVE);

        Refusal refused = assertThrows(Refusal.Forbidden.class,
                () -> apply(REVIEWER2, live, TransitionRequest.of(EditorialAction.RECERTIFY, "Still right.")));
        assertTrue(refused.getMessage().contains("Robert Checker"), refused.getMessage());
        assertEquals(ArticleStatus.PUBLISHED,
                apply(REVIEWER1, live, TransitionRequest.of(EditorialAction.RECERTIFY, "Still right.")).status());
    }

    @Test
    void theDeskCannotAssignAReviewerNamedInTheByline() {
        Article draft = drafting.create(WRITER1, input("byline-assign", List.of(REVIEWER2_PROFILE)));

        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> drafting.assignReviewer(EDITOR1, draft.id(), draft.version(), REVIEWER2.username()));
        assertTrue(refused.fieldErrors().get("reviewer").contains("byline"), refused.fieldErrors().toString());
    }

    @Test
    void aProfileNotMarkedAsAuthorCannotBePutInABylineAtCreateOrEdit() {
        Refusal.Invalid created = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, input("byline-non-author", List.of("anna-berg", "rita-reviewer"))));
        assertEquals("'rita-reviewer' is not marked as an author in the catalog, so it cannot be in a byline",
                created.fieldErrors().get("authors"));

        Article draft = Fixtures.draft("byline-non-author-edit");
        Refusal.Invalid edited = assertThrows(Refusal.Invalid.class, () -> drafting.edit(WRITER1, draft.id(),
                draft.version(), input(draft.slug(), List.of("rita-reviewer"))));
        assertTrue(edited.fieldErrors().containsKey("authors"), edited.fieldErrors().toString());
    }

    private Article submittedWithByline(String slug, String... authors) {
        Article draft = drafting.create(WRITER1, input(slug, List.of(authors)));
        return apply(WRITER1, draft, EditorialAction.SUBMIT);
    }

    private static ArticleInput input(String slug, List<String> authors) {
        ArticleInput plain = Fixtures.input(slug, "Article " + slug, "## Section\n\nBody of " + slug + ".");
        return new ArticleInput(plain.slug(), plain.title(), plain.summary(), plain.body(), plain.category(), authors,
                plain.tags(), plain.references(), plain.changeNote());
    }
}
