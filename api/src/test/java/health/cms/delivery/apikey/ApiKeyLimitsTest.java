package health.cms.delivery.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import health.cms.core.apikey.ApiKeyScope;
import health.cms.delivery.edge.ManualTicker;
import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A publisher that closes its API to callers without a key, with a tight per-address limit and a generous per-key one. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
@TestProfile(ApiKeyLimitsTest.KeysRequired.class)
class ApiKeyLimitsTest {

    /** Three requests per address, a thousand per key, time frozen; no key, no content. */
    public static class KeysRequired implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.rate-limit.per-second", "1", "cms.rate-limit.burst", "3",
                    "cms.api-keys.per-second", "1000", "cms.api-keys.burst", "1000", "cms.api-keys.required", "true");
        }

        /** Time stands still, so no token comes back however slow the machine is. */
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManualTicker.class);
        }
    }

    private static List<Integer> statuses(int count, String client, String key) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var request = given().header("X-Forwarded-For", client);
            statuses.add((key == null ? request : request.header("X-Api-Key", key)).get("/api/v1/categories").statusCode());
        }
        return statuses;
    }

    @Test
    void withoutAKeyContentIsRefusedButHealthAndTheApiDescriptionAreNot() {
        given().header("X-Forwarded-For", "203.0.113.60").get("/api/v1/categories").then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("API key required"));
        given().header("X-Forwarded-For", "203.0.113.61").get("/q/health/live").then().statusCode(200);
        given().header("X-Forwarded-For", "203.0.113.62").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aKeyedClientIsLimitedByItsKeyNotByItsAddress() {
        IssuedKeys.Issued issued = IssuedKeys.issue("Busy partner", ApiKeyScope.DELIVERY);
        assertEquals(List.of(401, 401, 401, 429, 429), statuses(5, "203.0.113.50", null),
                "the address's own bucket is empty");
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (statuses(1, "203.0.113.51", issued.key()).get(0) != 200 && Instant.now().isBefore(until)) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), statuses(8, "203.0.113.50", issued.key()),
                "the same address with a working key draws on the key's bucket");
    }
}
