package health.cms.admin.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.ServedEndpoints;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The management API's OpenAPI document at {@code /q/openapi} against the endpoints admin-ui really serves: an
 * endpoint added without appearing here, or an operation without its roles and problem answers, fails the build.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ManagementApiDocumentTest {

    private static JsonNode document() throws Exception {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void everyManagementEndpointIsDocumentedAndNothingElse() throws Exception {
        JsonNode paths = document().path("paths");
        Set<String> served = new TreeSet<>();
        ServedEndpoints.all().stream().filter(e -> e.template().startsWith("/manage/"))
                .forEach(e -> served.add(e.method() + " " + e.template()));
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertTrue(served.size() > 30, "the scan finds the management API: " + served);
        assertEquals(served, documented, "the document lists exactly the management endpoints admin-ui serves");
    }

    @Test
    void everyOperationNamesItsRolesItsProblemsAndTheIfMatchRule() throws Exception {
        JsonNode document = document();
        assertEquals("bearer", document.path("components").path("securitySchemes").path("keycloak").path("scheme").asText());
        List<String> missing = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("x-roles").asText().isBlank()) {
                missing.add(name + ": no x-roles");
            }
            if (!operation.path("responses").path("403").path("content").has("application/problem+json")) {
                missing.add(name + ": no problem+json 403");
            }
            boolean ifMatch = false;
            for (JsonNode parameter : operation.path("parameters")) {
                ifMatch |= parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals("If-Match");
            }
            if (ifMatch && !(operation.path("responses").has("412") && operation.path("responses").has("428"))) {
                missing.add(name + ": takes If-Match but names no 412/428");
            }
        }));
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        JsonNode rotate = document.path("paths").path("/manage/v1/api-keys/{id}/rotate").path("post");
        assertEquals("editor", rotate.path("x-roles").asText());
        assertTrue(rotate.path("responses").has("428"), "rotating a key takes If-Match");
    }
}
