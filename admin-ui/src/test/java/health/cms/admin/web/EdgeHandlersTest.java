package health.cms.admin.web;

import static health.cms.admin.testing.Tokens.accessToken;
import static health.cms.admin.testing.Tokens.writer1;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.testing.ManageApi;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

/**
 * Answers that used to come from outside our error mapping (found by the hostile-request suites): empty
 * bodies, framework error pages with stack traces, or 500s for what is a client's mistake.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class EdgeHandlersTest {

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void theManagementApiAnswers401And403AsProblemJsonWithTheChallenge() {
        given().get("/manage/v1/review-queue").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().header("Authorization", "Basic d3JpdGVyMTp3cml0ZXIx").get("/manage/v1/review-queue").then()
                .statusCode(401).contentType("application/problem+json");
        String token = accessToken("editor1", "editor");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).get("/manage/v1/review-queue").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        writer1().get("/manage/v1/audit/verify").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void aValuePostgresCannotStoreIsA400NotA500() {
        writer1().urlEncodingEnabled(false).get("/manage/v1/authors/x%00y").then().statusCode(400)
                .contentType("application/problem+json");
        Map<String, Object> article = new java.util.HashMap<>(ManageApi.article("nul-title", "## Body\n\nText."));
        article.put("title", "Before\u0000after");
        writer1().body(article).post("/manage/v1/articles").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void malformedRequestsOutsideTheResourcesAreProblemsToo() {
        // a multipart body without a boundary made the multipart parser fail with a 500
        writer1().contentType("multipart/form-data; boundary=").body(new byte[]{'x'}).get("/manage/v1/review-queue")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void deskPagesAnswerBadRequestsWithAPageNotAStackTrace() throws Exception {
        // Accept headers the page templates cannot negotiate escaped to Quarkus's error page (500, stack trace)
        for (String accept : new String[]{";;", "application/json;q=2", "*/*;q=abc"}) {
            given().header("Accept", accept).get("/articles").then().statusCode(400).contentType("text/html")
                    .body(not(containsString("Exception"))).body(not(containsString("at org.")));
        }
        given().contentType("multipart/form-data; boundary=").body(new byte[]{'x'}).get("/articles").then().statusCode(400)
                .contentType("text/html");
        // an empty charset made the form parser fail with a 500, even on a GET without a body
        HttpResponse<String> emptyCharset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/signed-out"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, emptyCharset.statusCode(), emptyCharset.body());
        assertTrue(emptyCharset.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        // a multipart upload cut short was a 500 with the parser's stack trace
        given().contentType("multipart/form-data; boundary=b")
                .body("--b\r\nContent-Disposition: form-data; name=\"lines\"\r\n\r\n{".getBytes(StandardCharsets.UTF_8))
                .post("/imports")
                .then().statusCode(400).contentType("text/html").body(not(containsString("Exception")));
    }
}
