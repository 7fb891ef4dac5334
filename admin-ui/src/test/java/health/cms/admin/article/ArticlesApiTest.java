package health.cms.admin.article;

import static health.cms.admin.testing.ManageApi.article;
import static health.cms.admin.testing.ManageApi.create;
import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer2;
import static health.cms.admin.testing.Tokens.writer1;
import static health.cms.admin.testing.Tokens.writer2;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/** Articles over the management API: drafts, validation, If-Match, assignment. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ArticlesApiTest {

    @BeforeEach
    void basics() {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Fixtures.ensureBasics();
    }

    @Test
    void createReturns201WithLocationAndETag() {
        create("created-draft").then()
                .statusCode(201)
                .header("Location", containsString("/manage/v1/articles/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("draft"))
                .body("live", equalTo(false))
                .body("workingRevision.number", equalTo(1))
                .body("workingRevision.contentHash", notNullValue())
                .body("availableActions", equalTo(List.of("submit")));
    }

    @Test
    void invalidDraftIsA400NamingEachField() {
        writer1().body(Map.of("slug", "Bad Slug", "title", "", "category", "nope", "authors", List.of()))
                .post("/manage/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("slug", "title", "summary", "category", "authors"));
    }

    @Test
    void overlongReferenceFieldsAreA400NamingThemNotAServerError() {
        Map<String, Object> article = new java.util.HashMap<>(article("overlong-reference", "## A\n\nText."));
        article.put("references", List.of(Map.of("citation", "Doe J. A trial.", "doi", "10.1000/" + "x".repeat(300)),
                Map.of("citation", "Doe J. Another trial.", "url", "https://example.org/" + "y".repeat(1100))));
        writer1().body(article).post("/manage/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("references[0].doi", "references[1].url"));
    }

    @Test
    void malformedJsonIsA400ProblemWithoutInternals() {
        writer1().body("{\"slug\": [1,2,3], ").post("/manage/v1/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void anonymousAndRoleLessCallersAreRefused() {
        given().contentType("application/json").body(article("anon", "x")).post("/manage/v1/articles")
                .then().statusCode(401);
        editor1().body(article("by-editor", "x")).post("/manage/v1/articles")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void editWithoutIfMatchIs428AndStaleIfMatchIs412SayingWhoChangedIt() {
        Response created = create("stale-edit");
        long id = created.jsonPath().getLong("id");
        String firstEtag = created.header("ETag");
        writer1().body(article("stale-edit", "no precondition")).put("/manage/v1/articles/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        writer2().header("If-Match", firstEtag).body(article("stale-edit", "writer2's text"))
                .put("/manage/v1/articles/" + id).then().statusCode(200);
        writer1().header("If-Match", firstEtag).body(article("stale-edit", "writer1's text"))
                .put("/manage/v1/articles/" + id)
                .then().statusCode(412)
                .body("detail", containsString("writer2"));
        writer1().get("/manage/v1/articles/" + id + "/revisions")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[1].body", containsString("writer2's text"));
    }

    @Test
    void editorsAssignAReviewerWhoDidNotWriteTheRevision() {
        String[] article = submitted("assigned");
        long id = Long.parseLong(article[0]);
        writer1().header("If-Match", article[1]).body(Map.of("reviewer", "reviewer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(403);
        editor1().header("If-Match", article[1]).body(Map.of("reviewer", "writer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(400)
                .body("errors[0].field", equalTo("reviewer"));
        editor1().header("If-Match", article[1]).body(Map.of("reviewer", "reviewer1"))
                .put("/manage/v1/articles/" + id + "/assignee").then().statusCode(200)
                .body("assignedReviewer", equalTo("reviewer1"));
        editor1().get("/manage/v1/articles?assignee=reviewer1").then().statusCode(200).body("slug", hasItem("assigned"));
        editor1().get("/manage/v1/articles?assignee=reviewer2").then().statusCode(200).body("slug", not(hasItem("assigned")));

        Response own = reviewer2().body(article("assigned-own", "## A\n\nText.")).post("/manage/v1/articles");
        editor1().header("If-Match", own.header("ETag")).body(Map.of("reviewer", "reviewer2"))
                .put("/manage/v1/articles/" + own.jsonPath().getLong("id") + "/assignee").then().statusCode(400)
                .body("errors[0].message", containsString("wrote or edited"));
    }
}
