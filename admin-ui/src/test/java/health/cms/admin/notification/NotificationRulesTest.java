package health.cms.admin.notification;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.comment.ReviewComment;
import health.cms.core.comment.TextQuote;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MutableClock;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.comment.ReviewComments;
import health.cms.workflow.notification.NotificationRules;
import health.cms.workflow.notification.RereviewReminders;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/**
 * Each notification reaches the people the rules name and never the person who acted, is written with the
 * action, and is listed, counted and marked read on the desk and over the API.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NotificationRulesTest {

    @Inject
    EntityManager em;
    @Inject
    MutableClock clock;
    @Inject
    RereviewReminders reminders;
    @Inject
    NotificationRules rules;
    @Inject
    ReviewComments comments;

    @BeforeEach
    void people() {
        Fixtures.ensureBasics();
        // editors are known from their sign-in
        Fixtures.bean(DeskMembers.class).seen("editor1",
                new DeskMembers.Description("Eddie Editor", "editor1@example.org", List.of("editor")));
    }

    @Test
    void anAssignmentTellsTheReviewerAndNotTheEditorWhoAssigned() {
        Article submitted = Fixtures.submitted("note-assign");
        Fixtures.drafting().assignReviewer(Fixtures.EDITOR1, submitted.id(), submitted.version(), "reviewer2");

        assertEquals(List.of("reviewer2"), recipients(submitted.id(), "assigned"));
    }

    @Test
    void anUnassignedSubmissionTellsTheReviewersInItsSpecialtyButNotTheWriter() {
        Article submitted = Fixtures.submitted("note-submit");

        // the category needs no particular specialty: every reviewer with an account
        List<String> told = recipients(submitted.id(), "submitted");
        assertTrue(told.containsAll(List.of("reviewer1", "reviewer2")), told.toString());
        assertFalse(told.contains("writer1"), told.toString());
    }

    @Test
    void requestedChangesTellTheWritersAndNotTheReviewer() {
        Article submitted = Fixtures.submitted("note-changes");
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.REQUEST_CHANGES, "Cite the 2024 guideline."));

        assertEquals(List.of("writer1"), recipients(submitted.id(), "changes-requested"));
    }

    @Test
    void aPublicationTellsWritersAndEditorsButNotTheApprovingReviewer() {
        Article published = Fixtures.published("note-published");

        List<String> told = recipients(published.id(), "published");
        assertTrue(told.containsAll(List.of("editor1", "writer1")), told.toString());
        assertFalse(told.contains("reviewer1"), told.toString());
    }

    @Test
    void aCommentTellsTheWritersAndAReplyTellsTheThreadButNeverTheirAuthor() {
        Article submitted = Fixtures.submitted("note-comment");
        ReviewComment comment = comments.comment(Fixtures.REVIEWER1, submitted.id(),
                new TextQuote("Body of", null, null), "Which guideline?", true);
        assertEquals(List.of("writer1"), recipients(submitted.id(), "commented"));

        comments.reply(Fixtures.WRITER1, submitted.id(), comment.id(), "The 2024 one.");

        assertEquals(List.of("reviewer1", "writer1"), recipients(submitted.id(), "commented"));
    }

    @Test
    void aFailedScheduledPublicationTellsWritersAndEditors() {
        Article submitted = Fixtures.submitted("note-failed");
        QuarkusTransaction.requiringNew().run(() -> rules.publicationFailed(submitted.id()));

        List<String> told = recipients(submitted.id(), "publication-failed");
        assertTrue(told.containsAll(List.of("editor1", "writer1")), told.toString());
    }

    @Test
    void theReviewerOfRecordIsRemindedWeeklyOfADueReReview() {
        Article published = Fixtures.published("note-due");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE article SET next_review_due = :due WHERE id = :id")
                .setParameter("due", clock.instant().plus(Duration.ofDays(10))).setParameter("id", published.id())
                .executeUpdate());

        reminders.remind();
        reminders.remind();
        assertEquals(List.of("reviewer1"), recipients(published.id(), "review-due"), "once in the same week");

        clock.advance(Duration.ofDays(8));
        reminders.remind();
        assertEquals(List.of("reviewer1", "reviewer1"), recipients(published.id(), "review-due"), "again a week later");
    }

    @Test
    void theApiListsTheCallersOwnNotificationsAndMarksThemRead() {
        Article submitted = Fixtures.submitted("note-api");
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                TransitionRequest.of(EditorialAction.REQUEST_CHANGES, "Cite the 2024 guideline."));
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT id FROM notification WHERE article_id = :a AND kind = 'changes-requested'")
                .setParameter("a", submitted.id()).getSingleResult()).longValue());

        writer1().get("/manage/v1/notifications?limit=200").then().statusCode(200)
                .body("find { it.id == " + id + " }.articleTitle", equalTo("Article note-api"))
                .body("find { it.id == " + id + " }.read", equalTo(false));
        reviewer1().post("/manage/v1/notifications/" + id + "/read").then().statusCode(404);
        writer1().post("/manage/v1/notifications/" + id + "/read").then().statusCode(200).body("read", equalTo(true));
        editor1().get("/manage/v1/notifications?limit=200").then().statusCode(200)
                .body("articleId", not(org.hamcrest.Matchers.hasItem((int) submitted.id().longValue())));
    }

    @Test
    @TestSecurity(user = "writer2", roles = "writer")
    void theDeskCountsUnreadOnEveryPageAndTheListMarksThemRead() {
        Article submitted = Fixtures.submitted("note-desk");
        QuarkusTransaction.requiringNew().run(() -> em.persist(new health.cms.core.notification.Notification(
                "writer2", "commented", submitted.id(), "Article note-desk", "reviewer1", clock.instant())));

        given().get("/articles").then().statusCode(200).body(containsString("id=\"unread-count\""));
        given().get("/notifications").then().statusCode(200).body(containsString("Article note-desk"))
                .body(containsString("new</strong>"));
        given().get("/articles").then().statusCode(200).body(not(containsString("id=\"unread-count\"")));
        health.cms.admin.testing.DeskForms.form("writer2").formParam("preference", "daily")
                .post("/notifications/preference").then().statusCode(303);
        given().get("/notifications").then().statusCode(200)
                .body(containsString("value=\"daily\" checked"));
    }

    @SuppressWarnings("unchecked")
    private List<String> recipients(long articleId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT recipient FROM notification WHERE article_id = :a AND kind = :k ORDER BY recipient")
                .setParameter("a", articleId).setParameter("k", kind).getResultList());
    }
}
