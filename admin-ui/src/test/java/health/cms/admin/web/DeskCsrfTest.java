package health.cms.admin.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.taxonomy.TagRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * The desk's CSRF token belongs to one login session of one person: a token from another session or person,
 * or a cookie planted by a sibling subdomain with a field to match it, gets no write through.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeskCsrfTest {

    private static final String SESSION = "sid:session-of-editor1";

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    private static DeskCsrf csrf() {
        return Fixtures.bean(DeskCsrf.class);
    }

    private static int createTag(String slug, String token) {
        return given().redirects().follow(false).contentType(ContentType.URLENC).formParam(DeskCsrf.FIELD, token)
                .formParam("slug", slug).formParam("name", "CSRF " + slug).post("/catalog/tags").statusCode();
    }

    private static boolean tagExists(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> Fixtures.bean(TagRepository.class).findBySlug(slug).isPresent());
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    @OidcSecurity(claims = @Claim(key = "sid", value = "session-of-editor1"))
    void csrfTokenFromAnotherSessionIsRefused() {
        String earlierLogin = csrf().tokenFor("editor1", "sid:an-earlier-session-of-editor1");
        String attackersOwn = csrf().tokenFor("attacker", SESSION);
        assertEquals(400, createTag("csrf-other-session", earlierLogin));
        assertEquals(400, createTag("csrf-other-person", attackersOwn));
        assertEquals(false, tagExists("csrf-other-session") || tagExists("csrf-other-person"));

        // the token this session's pages carry is accepted
        String own = csrf().tokenFor("editor1", SESSION);
        given().get("/catalog").then().statusCode(200).body(containsString("value=\"" + own + "\""));
        assertEquals(303, createTag("csrf-own-session", own));
        assertEquals(true, tagExists("csrf-own-session"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    @OidcSecurity(claims = @Claim(key = "sid", value = "session-of-editor1"))
    void plantedCsrfCookieWithoutSessionBindingIsRefused() {
        // what passed the double-submit check: any 16 bytes, as a cookie and as the form field
        String planted = "c2l4dGVlbi1ieXRlcy0xMg";
        given().redirects().follow(false).contentType(ContentType.URLENC).cookie(DeskCsrf.FIELD, planted)
                .formParam(DeskCsrf.FIELD, planted).formParam("slug", "csrf-planted").formParam("name", "Planted")
                .post("/catalog/tags")
                .then().statusCode(400).body(containsString("security token was missing"));
        assertEquals(false, tagExists("csrf-planted"));
    }

    @Test
    void tokensDifferPerPersonAndSessionAndKeepTheirSeparators() {
        assertNotEquals(csrf().tokenFor("editor1", "sid:a"), csrf().tokenFor("editor1", "sid:b"));
        assertNotEquals(csrf().tokenFor("editor1", "sid:a"), csrf().tokenFor("writer1", "sid:a"));
        assertNotEquals(csrf().tokenFor("ab", "c"), csrf().tokenFor("a", "bc"));
        assertEquals(csrf().tokenFor("editor1", "sid:a"), csrf().tokenFor("editor1", "sid:a"));
    }
}
