package health.cms.admin.home;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class HomePageTest {

    @Test
    @TestSecurity(user = "reviewer2", roles = {"medical-reviewer", "writer", "offline_access"})
    @OidcSecurity(claims = @Claim(key = "name", value = "Robert Checker"))
    void showsTheUsersNameAndWorkflowRoles() {
        given().redirects().follow(false).get("/")
                .then()
                .statusCode(200)
                .body(containsString("Welcome, Robert Checker"))
                .body(containsString("data-role=\"writer\""))
                .body(containsString("data-role=\"medical-reviewer\""))
                .body(not(containsString("offline_access")))
                .body(not(containsString("data-role=\"editor\"")));
    }

    @Test
    @TestSecurity(user = "newcomer", roles = {})
    void explainsWhenTheUserHasNoEditorialRole() {
        given().get("/")
                .then()
                .statusCode(200)
                .body(containsString("no editorial role yet"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        given().redirects().follow(false).get("/")
                .then()
                .statusCode(302)
                .header("Location", containsString("response_type=code"))
                .header("Location", containsString("client_id=quarkus-web-app"));
    }
}
