package health.cms.delivery.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class EdgeFilterTest {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Fixtures.published("edge-headers");
        String etag = given().get("/api/v1/articles/edge-headers").then().statusCode(200).extract().header("ETag");
        List<Response> answers = List.of(
                given().get("/api/v1/articles/edge-headers"),
                given().header("If-None-Match", etag).get("/api/v1/articles/edge-headers"),
                given().get("/api/v1/articles/no-such-article"),
                given().get("/api/v1/articles?limit=0"),
                given().get("/no/such/path"),
                given().get("/sitemap.xml"),
                given().get("/q/health/ready"),
                given().get("/q/openapi"),
                given().post("/api/v1/articles"));
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(List.of(200, 304, 404, 400, 404, 200, 200, 200, 405), statuses);
        for (Response answer : answers) {
            assertEquals("nosniff", answer.header("X-Content-Type-Options"));
            assertEquals("no-referrer", answer.header("Referrer-Policy"));
            assertEquals(API_POLICY, answer.header("Content-Security-Policy"));
        }
    }

    @Test
    void theSwaggerUiKeepsItsScriptsAndStylesButMayNotBeFramed() {
        Response page = given().get("/q/swagger-ui/");
        page.then().statusCode(200).body(containsString("SwaggerUIBundle"));
        String policy = page.header("Content-Security-Policy");
        assertEquals(EdgeFilter.SWAGGER_POLICY, policy);
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .header("Content-Security-Policy", EdgeFilter.SWAGGER_POLICY);
    }

    @Test
    void theApiIsReadOnlyOnEveryPathIncludingQuarkusOwnEndpoints() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "TRACE")) {
            for (String path : List.of("/api/v1/articles", "/api/v1/search", "/q/health/ready", "/q/openapi", "/nowhere")) {
                given().request(method, path).then().statusCode(405).contentType("application/problem+json")
                        .header("Allow", "GET, HEAD, OPTIONS").body("status", equalTo(405));
            }
        }
        given().options("/api/v1/articles").then().statusCode(200);
        given().head("/api/v1/categories").then().statusCode(200);
    }

    @Test
    void aReadWithABodyIsRefusedBeforeTheBodyIsRead() {
        given().body("{\"q\": 1}").contentType("application/json").get("/api/v1/search?q=x")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        // larger than Quarkus's own 10 MB limit: still our answer, so the edge runs first
        given().body(new byte[11 * 1024 * 1024]).contentType("application/octet-stream").get("/api/v1/categories")
                .then().statusCode(413).contentType("application/problem+json");
    }
}
