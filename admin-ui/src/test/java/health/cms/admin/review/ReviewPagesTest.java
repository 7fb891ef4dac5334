package health.cms.admin.review;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.correction.ChangeClass;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewPagesTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private static String status(long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(ArticleRepository.class).findById(id).status().value());
    }

    /** A live article edited by the given writer (dose 5 mg -> 10 mg) and submitted again. */
    private static Article editedAndSubmitted(String slug, health.cms.workflow.Actor writer) {
        Article live = Fixtures.published(slug);
        Article edited = Fixtures.drafting().edit(writer, live.id(), live.version(),
                Fixtures.input(slug, "Article " + slug, "## Section\n\nBody of " + slug + ". Take 10 mg daily."));
        return Fixtures.transitions().apply(writer, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void theReviewerSeesTheQueueTheRenderedTextAndTheDoseChangeFlagged() {
        Article submitted = editedAndSubmitted("review-dose", Fixtures.WRITER1);
        given().get("/review").then().statusCode(200).body(containsString("/review/" + submitted.id()));
        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("What changed since the live revision (1), which readers see now"))
                .body(containsString("<ins class=\"numeric\""))
                .body(containsString("As readers will see it"))
                .body(containsString("PMID <a href=\"https://pubmed.ncbi.nlm.nih.gov/1234567/\""))
                .body(containsString("data-action=\"approve\""))
                .body(containsString("data-action=\"request-changes\""))
                .body(containsString("name=\"changeClass\""));
    }

    @Test
    @TestSecurity(user = "reviewer2", roles = {"medical-reviewer", "writer"})
    void aReviewerWhoEditedTheRevisionSeesWhyTheyCannotApprove() {
        Article submitted = editedAndSubmitted("review-own", Fixtures.REVIEWER2);
        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("You wrote or edited revision 2, so another medical reviewer must sign it off"))
                .body(not(containsString("data-action=\"approve\"")));
        act("reviewer2", "approve", submitted, Map.of("changeClass", "typo"))
                .statusCode(403)
                .body(containsString("another medical reviewer must sign it off"));
        assertEquals("medical-review", status(submitted.id()));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void requestingChangesWithoutACommentIsRefusedBesideTheField() {
        Article submitted = Fixtures.submitted("review-comment");
        act("reviewer1", "request-changes", submitted, Map.of("comment", ""))
                .statusCode(400)
                .body(containsString("Please correct the fields marked below."))
                .body(containsString("has-error"));
        assertEquals("medical-review", status(submitted.id()));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void approvingAChangeToALiveArticleNeedsItsClassAndPublishesIt() {
        Article submitted = editedAndSubmitted("review-approve", Fixtures.WRITER1);
        act("reviewer1", "approve", submitted, Map.of("changeClass", "clinical", "correctionNote", ""))
                .statusCode(400)
                .body(containsString("needs a public correction note"))
                .body(containsString("<option value=\"clinical\" selected>"));
        act("reviewer1", "approve", submitted,
                Map.of("changeClass", ChangeClass.CLINICAL.value(), "correctionNote", "The daily dose was corrected to 10 mg."))
                .statusCode(303).header("Location", containsString("?done=approve"));
        assertEquals("published", status(submitted.id()));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void aGoLiveTimeInAWrongFormatIsExplained() {
        Article submitted = Fixtures.submitted("review-when");
        act("reviewer1", "approve", submitted, Map.of("publishAt", "tomorrow"))
                .statusCode(400).body(containsString("must be a date and time"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterCannotApproveEvenByPostingTheFormDirectly() {
        Article submitted = Fixtures.submitted("review-forged");
        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(not(containsString("data-action=\"approve\"")));
        act("writer1", "approve", submitted, Map.of())
                .statusCode(403).body(containsString("needs the medical-reviewer role"));
        assertEquals("medical-review", status(submitted.id()));
    }

    /** Posts the review screen's action form for the article as {@code user}, with the action's own fields. */
    private static ValidatableResponse act(String user, String action, Article article, Map<String, String> fields) {
        return form(user).formParam("action", action).formParam("version", article.version()).formParams(fields)
                .post("/review/" + article.id() + "/actions").then();
    }
}
