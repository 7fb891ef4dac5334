package health.cms.workflow;

import static health.cms.workflow.WorkflowTest.edit;
import static health.cms.workflow.WorkflowTest.read;
import static health.cms.workflow.testing.Fixtures.EDITOR1;
import static health.cms.workflow.testing.Fixtures.REVIEWER1;
import static health.cms.workflow.testing.Fixtures.REVIEWER2;
import static health.cms.workflow.testing.Fixtures.WRITER1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.SlugRedirectRepository;
import health.cms.core.readability.Readability;
import health.cms.core.readability.RevisionReadabilities;
import health.cms.core.readability.RevisionReadability;
import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Drafting: edits wait outside review, renames leave redirects, and reviewers are assigned by the same duties rule. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DraftingServiceTest {

    @Inject
    DraftingService drafting;
    @Inject
    SlugRedirectRepository redirects;
    @Inject
    RevisionReadabilities readabilities;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void contentInReviewCannotBeEditedSoTheReviewerSignsWhatTheyRead() {
        Article submitted = Fixtures.submitted("frozen-in-review");
        assertThrows(Refusal.Conflict.class, () -> edit(WRITER1, submitted, "## A\n\nSneaked in."));
    }

    @Test
    void aRenameLeavesARedirectThatNoOtherArticleMayTake() {
        Article renamed = Fixtures.draft("old-name");
        Article other = Fixtures.draft("other-article");
        Article afterRename = drafting.renameSlug(EDITOR1, renamed.id(), renamed.version(), "new-name");

        assertEquals("new-name", afterRename.slug());
        assertTrue(read(() -> redirects.usedByAnother("old-name", other.id())));
        Refusal.Invalid taken = assertThrows(Refusal.Invalid.class,
                () -> drafting.renameSlug(EDITOR1, other.id(), other.version(), "old-name"));
        assertTrue(taken.fieldErrors().get("slug").contains("is or was used by another article"));

        Article back = drafting.renameSlug(EDITOR1, afterRename.id(), afterRename.version(), "old-name");
        assertEquals("old-name", back.slug());
        assertFalse(read(() -> redirects.usedByAnother("old-name", other.id())), "its own old slug answers directly again");
        assertTrue(read(() -> redirects.usedByAnother("new-name", other.id())));
    }

    @Test
    void everySavedRevisionIsMeasuredWithItsGrade() {
        Article draft = Fixtures.draft("measured-on-save");
        Article edited = edit(WRITER1, draft, "The cat sat on the mat.");

        RevisionReadability measured = read(() -> readabilities.stored(edited.workingRevision().id()).orElseThrow());

        assertEquals(Readability.FLESCH_KINCAID, measured.measure());
        assertEquals(new BigDecimal("-1.4"), measured.grade());
        assertEquals(6, measured.words());
        assertTrue(read(() -> readabilities.averageGradeByCategory()).stream()
                .anyMatch(category -> category.articles() >= 1), "the edited article counts in its category's average");
    }

    @Test
    void onlyEditorsRename() {
        Article draft = Fixtures.draft("writer-renames");
        assertThrows(Refusal.Forbidden.class, () -> drafting.renameSlug(WRITER1, draft.id(), draft.version(), "x-y"));
    }

    @Test
    void theAssignedReviewerNeedsAReviewerProfileAndMustNotHaveWrittenTheRevision() {
        Article draft = Fixtures.draft("assigned");
        Article coEdited = edit(REVIEWER2, draft, "## A\n\nreviewer2 edited this.");

        assertTrue(assertThrows(Refusal.Invalid.class,
                () -> drafting.assignReviewer(EDITOR1, coEdited.id(), coEdited.version(), "writer1"))
                .fieldErrors().get("reviewer").contains("no medical reviewer profile"));
        assertTrue(assertThrows(Refusal.Invalid.class,
                () -> drafting.assignReviewer(EDITOR1, coEdited.id(), coEdited.version(), "reviewer2"))
                .fieldErrors().get("reviewer").contains("cannot review it"));
        Article assigned = drafting.assignReviewer(EDITOR1, coEdited.id(), coEdited.version(), REVIEWER1.username());
        assertEquals("reviewer1", assigned.assignedReviewer());
    }

    @Test
    void aNewArticleCannotTakeAnotherArticlesOldSlug() {
        Article moved = Fixtures.draft("moved-away");
        drafting.renameSlug(EDITOR1, moved.id(), moved.version(), "moved-here");

        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, Fixtures.input("moved-away", "Impostor", "## A\n\nOther text.")));
        assertTrue(refused.fieldErrors().get("slug").contains("old address of another article"),
                refused.fieldErrors().toString());
        assertTrue(read(() -> redirects.usedByAnother("moved-away", -1)), "the redirect still points to the moved article");
    }

    @Test
    void aRemoteImageIsRefusedAtSaveNamingTheImage() {
        String body = "## Dose\n\n![dose chart](https://tracker.example/chart.png)\n\n<img src=\"https://cdn.example/x.png\">";
        Refusal.Invalid created = assertThrows(Refusal.Invalid.class,
                () -> drafting.create(WRITER1, Fixtures.input("remote-image", "Remote image", body)));
        assertTrue(created.fieldErrors().get("body").contains("'https://tracker.example/chart.png'"),
                created.fieldErrors().toString());
        assertTrue(created.fieldErrors().get("body").contains("'https://cdn.example/x.png'"));

        Article draft = Fixtures.draft("image-added-later");
        Refusal.Invalid edited = assertThrows(Refusal.Invalid.class, () -> edit(WRITER1, draft, body));
        assertTrue(edited.fieldErrors().get("body").contains("https://tracker.example/chart.png"));
    }
}
