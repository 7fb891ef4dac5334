package health.cms.admin.apikey;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiKeyPagesTest {

    private static final Pattern KEY = Pattern.compile("id=\"key\" class=\"secret\" readonly value=\"(cms_[^\"]+)\"");

    @Inject
    ApiKeys keys;

    private static String keyOn(String page) {
        Matcher key = KEY.matcher(page);
        assertTrue(key.find(), page);
        return key.group(1);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anEditorCreatesAKeySeesItOnceThenRotatesAndRevokesIt() {
        String key = keyOn(form("editor1").formParam("name", "Desk partner").formParam("scope", "preview").post("/api-keys")
                .then().statusCode(200).body(containsString("This is the only time the key is shown")).extract().asString());
        ApiKeyView view = keys.list(Fixtures.EDITOR1, 0, 500).stream().filter(k -> k.name().equals("Desk partner"))
                .findFirst().orElseThrow();
        assertEquals("preview", view.scope());
        given().get("/api-keys").then().statusCode(200).body(containsString("Desk partner"))
                .body(containsString(view.keyPrefix())).body(not(containsString(key)));

        String rotated = keyOn(form("editor1").formParam("version", view.version()).post("/api-keys/" + view.id() + "/rotate")
                .then().statusCode(200).body(containsString("The previous key is refused from now on")).extract().asString());
        assertNotEquals(key, rotated);

        // The page's buttons carry the version the editor saw: a stale one is refused, not applied.
        form("editor1").formParam("version", view.version()).post("/api-keys/" + view.id() + "/revoke").then().statusCode(412);
        long current = keys.get(Fixtures.EDITOR1, view.id()).version();
        form("editor1").formParam("version", current).post("/api-keys/" + view.id() + "/revoke").then().statusCode(303);
        given().get("/api-keys").then().statusCode(200).body(containsString("revoked"));
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aKeyWithoutANameIsRefusedBesideTheField() {
        form("editor1").formParam("name", "").formParam("scope", "delivery").post("/api-keys").then().statusCode(400)
                .body(containsString("id=\"f-name-error\"")).body(not(containsString("readonly value=\"cms_")));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterCannotOpenThePage() {
        given().get("/api-keys").then().statusCode(403);
    }
}
