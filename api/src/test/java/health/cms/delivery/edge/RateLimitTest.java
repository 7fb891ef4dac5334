package health.cms.delivery.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The per-client limit as a client sees it, behind one trusted proxy that appends X-Forwarded-For. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
@TestProfile(RateLimitTest.Strict.class)
class RateLimitTest {

    /** One request a second, bursts of five, one proxy in front. */
    public static class Strict implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.rate-limit.per-second", "1", "cms.rate-limit.burst", "5",
                    "cms.rate-limit.trusted-proxies", "1");
        }
    }

    private static Response as(String client, String path) {
        return given().header("X-Forwarded-For", client).get(path);
    }

    @Test
    void aClientOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        long start = System.nanoTime();
        int passed = 0;
        Response refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            Response answer = as("203.0.113.7", "/api/v1/categories");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertEquals(200, answer.statusCode());
                passed++;
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(refused != null, "20 requests in a row must cross a limit of 5 at once");
        assertTrue(passed >= 5 && passed <= 5 + seconds + 1, passed + " passed in " + seconds + " s");
        refused.then().contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("1 requests per second"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));

        // Another client behind the same proxy has its own bucket.
        as("203.0.113.8", "/api/v1/categories").then().statusCode(200);
        // Addresses a client writes in front of the proxy's own entry change nothing: still the empty bucket
        // (a fresh one would let all five through).
        long refusedOfFive = java.util.stream.IntStream.range(0, 5)
                .map(i -> as("198.51.100.1, 203.0.113.7", "/api/v1/categories").statusCode())
                .filter(status -> status == 429).count();
        assertTrue(refusedOfFive > 0, "a forged X-Forwarded-For entry must not give a fresh bucket");
        // Health checks, metrics and the OpenAPI document are never limited.
        for (int i = 0; i < 10; i++) {
            as("203.0.113.7", "/q/health/live").then().statusCode(200);
        }
    }
}
