package health.cms.admin.review;

import static health.cms.admin.testing.DeskForms.form;
import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.reviewer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** The approval asks for a conflict of interest on the desk and over the API, and publishes a named one. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DisclosurePagesTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void anApiApprovalNamingAConflictPublishesItAsADisclosure() {
        String[] article = submitted("api-disclosure");
        transition(reviewer1(), Long.parseLong(article[0]), article[1], "approve",
                Map.of("conflictOfInterest", "Advisory board, Acme Pharma (2024)")).then().statusCode(200);

        assertEquals("[\"Advisory board, Acme Pharma (2024)\"]", disclosures(Long.parseLong(article[0])));
    }

    @Test
    @TestSecurity(user = "reviewer1", roles = "medical-reviewer")
    void theDeskAsksForTheConflictAndRefusesANamedOneLeftBlank() {
        Article submitted = Fixtures.submitted("desk-disclosure");
        given().get("/review/" + submitted.id()).then().statusCode(200)
                .body(containsString("I have no conflict of interest for this article"));
        form("reviewer1").formParam("action", "approve").formParam("version", submitted.version())
                .formParam("conflict", "named").formParam("conflictStatement", " ")
                .post("/review/" + submitted.id() + "/actions")
                .then().statusCode(400).body(containsString("name the conflict, or confirm there is none"));
        form("reviewer1").formParam("action", "approve").formParam("version", submitted.version())
                .formParam("conflict", "none").post("/review/" + submitted.id() + "/actions")
                .then().statusCode(303);

        assertEquals("[]", disclosures(submitted.id()));
    }

    private String disclosures(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT (document->'medicalReview'->'disclosures')::text FROM published_article WHERE article_id = "
                        + articleId)
                .getSingleResult()));
    }
}
