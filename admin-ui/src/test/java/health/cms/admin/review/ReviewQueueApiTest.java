package health.cms.admin.review;

import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.reviewer2;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** The review queue and bulk approval over the management API. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReviewQueueApiTest {

    void basics() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.ensureBasics();
    }

    @Test
    void deskListsFilterByStatusAndCategory() {
        submitted("listed-in-review");
        editor1().get("/manage/v1/articles?status=medical-review").then().statusCode(200)
                .body("slug", hasItem("listed-in-review"))
                .body("status", not(hasItem("draft")));
        editor1().get("/manage/v1/articles?status=bogus").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        reviewer1().get("/manage/v1/review-queue").then().statusCode(200).body("slug", hasItem("listed-in-review"));
    }

    @Test
    void bulkApprovalSignsEachArticleSeparately() {
        String[] a = submitted("bulk-a");
        String[] b = submitted("bulk-b");
        Response own = reviewer2().body(article("bulk-own", "## A\n\nText.")).post("/manage/v1/articles");
        Response ownSubmitted = transition(reviewer2(), own.jsonPath().getLong("id"), own.header("ETag"), "submit", Map.of());
        List<Map<String, Object>> items = List.of(
                Map.of("id", Long.parseLong(a[0]), "version", Long.parseLong(a[1].replace("\"", ""))),
                Map.of("id", Long.parseLong(b[0]), "version", Long.parseLong(b[1].replace("\"", ""))),
                Map.of("id", own.jsonPath().getLong("id"), "version",
                        Long.parseLong(ownSubmitted.header("ETag").replace("\"", ""))));
        reviewer2().body(Map.of("articles", items, "comment", "Batch review")).post("/manage/v1/review-queue/approvals")
                .then().statusCode(200)
                .body("result", equalTo(List.of("approved", "approved", "refused")))
                .body("[2].reason", containsString("another medical reviewer"));
    }
}
