package health.cms.admin.comment;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.comment.ReviewComment;
import health.cms.core.comment.TextQuote;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.comment.ReviewComments;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The review conversation on the desk: comment from the review screen, answer beside the editor. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class CommentPagesTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aBlockingCommentFromTheReviewScreenStopsTheDeskApproval() {
        Article submitted = Fixtures.submitted("desk-comment-blocks");
        form("reviewer1").formParam("exact", "Body of\n desk-comment-blocks").formParam("body", "Cite the trial.")
                .formParam("blocking", "true").formParam("from", "review")
                .post("/articles/" + submitted.id() + "/comments")
                .then().statusCode(303).header("Location", endsWith("/review/" + submitted.id() + "#comments"));

        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("Body of desk-comment-blocks</blockquote>"))
                .body(containsString("1 blocking comment is still open"))
                .body(containsString("Cite the trial."))
                .body(not(containsString("data-action=\"approve\"")));
        form("reviewer1").formParam("action", "approve").formParam("version", submitted.version())
                .post("/review/" + submitted.id() + "/actions")
                .then().statusCode(409).body(containsString("blocking review comment is still open"));
        assertEquals("medical-review", status(submitted.id()));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aPassageThatIsNotInTheTextComesBackWithTheReviewersWords() {
        Article submitted = Fixtures.submitted("desk-comment-missing");
        form("reviewer1").formParam("exact", "a sentence nobody wrote").formParam("body", "My careful remark.")
                .formParam("from", "review").post("/articles/" + submitted.id() + "/comments")
                .then().statusCode(400)
                .body(containsString("is not in the text of revision 1"))
                .body(containsString("My careful remark."))
                .body(containsString("a sentence nobody wrote"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theWriterSeesOpenCommentsBesideTheEditorAndRepliesAndResolvesThere() {
        Article submitted = Fixtures.submitted("desk-comment-writer");
        ReviewComment comment = Fixtures.bean(ReviewComments.class).comment(Fixtures.REVIEWER1, submitted.id(),
                new TextQuote("Body of desk-comment-writer", null, null), "Too vague.", true);

        given().get("/articles/" + submitted.id()).then().statusCode(200)
                .body(containsString("id=\"comment-" + comment.id() + "\""))
                .body(containsString("Too vague."));
        form("writer1").formParam("exact", "Body of").formParam("body", "My own thread")
                .post("/articles/" + submitted.id() + "/comments").then().statusCode(403);
        form("writer1").formParam("body", "Made it precise.").formParam("from", "editor")
                .post("/articles/" + submitted.id() + "/comments/" + comment.id() + "/replies")
                .then().statusCode(303)
                .header("Location", endsWith("/articles/" + submitted.id() + "#comment-" + comment.id()));
        form("writer1").formParam("from", "editor")
                .post("/articles/" + submitted.id() + "/comments/" + comment.id() + "/resolution")
                .then().statusCode(303);

        given().get("/articles/" + submitted.id()).then().statusCode(200)
                .body(not(containsString("id=\"comment-" + comment.id() + "\"")));
        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("Resolved by writer1")).body(containsString("Made it precise."));
    }

    private static String status(long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(ArticleRepository.class).findById(id).status().value());
    }
}
