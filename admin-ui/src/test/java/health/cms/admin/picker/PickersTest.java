package health.cms.admin.picker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

/** The type-ahead behind the editor's pickers: matching catalog entries, only bylines that may be signed, bounded input. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PickersTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void suggestsAuthorsByNameOrSlugButNeverSomeoneWhoCannotStandInABylineOrWithoutTheJavaScript() {
        given().get("/pickers/authors?q=ANNA").then().statusCode(200).contentType("application/json")
                .body("value", equalTo(java.util.List.of("anna-berg"))).body("[0].label", equalTo("Anna Berg, MD"));
        // rita-reviewer is a reviewer only: the workflow would refuse her in a byline, so she is never offered
        given().get("/pickers/authors?q=rita").then().statusCode(200).body("$", hasSize(0));
        given().get("/pickers/tags?q=canc").then().statusCode(200).body("[0].value", equalTo("cancer"));
        given().get("/pickers/categories?q=therap").then().statusCode(200).body("[0].value", equalTo("treatments-therapies"));
        given().get("/articles/new").then().statusCode(200).body(containsString("data-picker=\"authors\""))
                .body(containsString("name=\"authors\""));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void anOverlongQueryIsRefusedBeforeAnyWorkAndAnUnknownKindIsMissing() {
        given().get("/pickers/authors?q=" + "a".repeat(101)).then().statusCode(400);
        given().get("/pickers/users?q=a").then().statusCode(404);
    }
}
