package health.cms.admin.catalog;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CatalogApiTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void editorsManageCategoriesWithVersionChecks() {
        Map<String, Object> body = Map.of("slug", "mental-health", "name", "Mental Health", "reviewIntervalMonths", 18);
        writer1().body(body).post("/manage/v1/categories").then().statusCode(403);
        String etag = editor1().body(body).post("/manage/v1/categories").then().statusCode(201)
                .body("reviewIntervalMonths", equalTo(18)).extract().header("ETag");
        editor1().body(body).post("/manage/v1/categories").then().statusCode(400).body("errors[0].field", equalTo("slug"));
        editor1().body(Map.of("name", "Mind", "reviewIntervalMonths", 500)).post("/manage/v1/categories")
                .then().statusCode(400).body("errors.field", hasItem("reviewIntervalMonths"));
        editor1().header("If-Match", etag).body(Map.of("name", "Mental health", "reviewIntervalMonths", 12))
                .put("/manage/v1/categories/mental-health").then().statusCode(200);
        editor1().header("If-Match", etag).body(Map.of("name", "Stale", "reviewIntervalMonths", 12))
                .put("/manage/v1/categories/mental-health").then().statusCode(412);
        writer1().get("/manage/v1/categories?limit=500").then().statusCode(200).body("slug", hasItem("mental-health"));
    }

    @Test
    void aCategoryInUseCannotBeDeletedButAnUnusedTagCan() {
        Fixtures.draft("uses-the-category");
        editor1().delete("/manage/v1/categories/treatments-therapies").then().statusCode(409)
                .contentType("application/problem+json");
        editor1().body(Map.of("slug", "temporary", "name", "Temporary")).post("/manage/v1/tags").then().statusCode(201);
        editor1().delete("/manage/v1/tags/temporary").then().statusCode(204);
        editor1().get("/manage/v1/tags?limit=500").then().body("slug.contains('temporary')", equalTo(false));
    }

    @Test
    void profilesLinkToOneKeycloakUserEach() {
        Map<String, Object> profile = Map.of("slug", "new-reviewer", "displayName", "Nora Newman",
                "credentials", "MD", "specialties", List.of("Cardiology"), "keycloakUser", "reviewer1",
                "author", false, "reviewer", true);
        editor1().body(profile).post("/manage/v1/authors").then().statusCode(400)
                .body("errors[0].field", equalTo("keycloakUser"));
        Map<String, Object> unlinked = new java.util.HashMap<>(profile);
        unlinked.remove("keycloakUser");
        editor1().body(unlinked).post("/manage/v1/authors").then().statusCode(201)
                .body("specialties", equalTo(List.of("Cardiology")));
    }
}
