package health.cms.admin.catalog;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.profile.ProfileRepository;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.taxonomy.Tag;
import health.cms.core.taxonomy.TagRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class CatalogPagesTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anEditorCreatesACategoryWithItsReviewInterval() {
        form("editor1").formParam("slug", "nutrition").formParam("name", "Nutrition").formParam("reviewIntervalMonths", "18")
                .post("/catalog/categories")
                .then().statusCode(303).header("Location", containsString("done=category-created"));
        int interval = QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(CategoryRepository.class)
                .findBySlug("nutrition").orElseThrow().reviewIntervalMonths());
        assertEquals(18, interval);
        given().get("/catalog").then().statusCode(200).body(containsString("18 months"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aBadIntervalIsRefusedBesideTheFieldWithTheTypedValuesKept() {
        form("editor1").formParam("slug", "sleep").formParam("name", "Sleep medicine").formParam("reviewIntervalMonths", "0")
                .post("/catalog/categories")
                .then().statusCode(400)
                .body(containsString("must be a number of months from 1 to 120"))
                .body(containsString("value=\"Sleep medicine\""));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aProfileLinksAKeycloakUserAndRefusesAScriptWebsite() {
        form("editor1").formParam("slug", "maria-lind").formParam("displayName", "Maria Lind")
                .formParam("credentials", "MD, oncologist").formParam("bio", "Oncologist in Uppsala.")
                .formParam("website", "javascript:alert(1)").formParam("keycloakUser", "maria")
                .formParam("reviewer", "true")
                .post("/catalog/profiles")
                .then().statusCode(400)
                .body(containsString("must be an http or https URL"))
                .body(containsString("Oncologist in Uppsala."));
        form("editor1").formParam("slug", "maria-lind").formParam("displayName", "Maria Lind")
                .formParam("credentials", "MD, oncologist").formParam("website", "https://example.org/maria")
                .formParam("keycloakUser", "maria").formParam("reviewer", "true")
                .post("/catalog/profiles")
                .then().statusCode(303);
        boolean reviewer = QuarkusTransaction.requiringNew().call(
                () -> Fixtures.bean(ProfileRepository.class).findBySlug("maria-lind").orElseThrow().isReviewer());
        assertTrue(reviewer);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aCategoryInUseIsNotDeletedAndTheRefusalSaysWhy() {
        Fixtures.draft("catalog-in-use");
        form("editor1").post("/catalog/categories/treatments-therapies/delete")
                .then().statusCode(409).body(containsString("alert"));
        assertTrue(QuarkusTransaction.requiringNew().call(
                () -> Fixtures.bean(CategoryRepository.class).findBySlug("treatments-therapies").isPresent()));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aPostThatIsNotAFormIsRefusedRatherThanLetPastTheCsrfCheck() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> Fixtures.bean(TagRepository.class)
                .persist(new Tag("unused-tag", "Unused", java.time.Instant.now())));
        // The CSRF filter verifies form bodies only: a post without one, and without a token, must not get through.
        // (RestAssured would add a form Content-Type to an empty post; the JDK client sends none.)
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/catalog/tags/unused-tag/delete"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, bare.statusCode(), bare.body());
        assertTrue(bare.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        given().redirects().follow(false).contentType("text/plain").body("x").post("/catalog/tags/unused-tag/delete")
                .then().statusCode(415).contentType("text/html");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(TagRepository.class)
                .findBySlug("unused-tag").isPresent()), "the tag must still exist");
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterCannotOpenOrChangeTheCatalog() {
        given().get("/catalog").then().statusCode(403).body(containsString("run by editors"));
        form("writer1").formParam("slug", "forged").formParam("name", "Forged").formParam("reviewIntervalMonths", "12")
                .post("/catalog/categories")
                .then().statusCode(403);
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(CategoryRepository.class).findBySlug("forged").isEmpty()));
    }
}
