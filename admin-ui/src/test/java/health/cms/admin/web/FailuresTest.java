package health.cms.admin.web;

import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** The one mapper answers by the resource that handled the request: problem+json for the API, pages for the desk. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class FailuresTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void theManagementApiAnswersProblemJsonEvenWhereNoResourceMatched() {
        writer1().get("/manage/v1/no-such-collection").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        writer1().get("/manage/v1/articles/987654321").then().statusCode(404)
                .contentType("application/problem+json").body("title", equalTo("Not found"));
    }

    @Test
    void aLimitThatIsNoNumberIsAnInvalidParameterNotAMissingResource() {
        writer1().get("/manage/v1/articles?limit=abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'limit' }.message", equalTo("must be a whole number from 1 to 200"));
        writer1().get("/manage/v1/review-queue?limit=501").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        writer1().get("/manage/v1/articles?offset=-1").then().statusCode(400)
                .body("errors[0].field", equalTo("offset"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void theDeskAnswersRefusalsAndUnknownPagesWithAPage() {
        given().get("/articles/987654321").then().statusCode(404).contentType("text/html")
                .body(containsString("Article 987654321 was not found"));
        given().get("/no-such-page").then().statusCode(404).contentType("text/html");
        given().get("/articles?page=0").then().statusCode(400).contentType("text/html");
    }

    @Test
    @TestSecurity(user = "outsider", roles = "viewer")
    void aMissingRoleOnTheDeskIsExplainedOnAPage() {
        given().get("/articles").then().statusCode(403).contentType("text/html")
                .body(containsString("does not have a role that allows this"));
    }
}
