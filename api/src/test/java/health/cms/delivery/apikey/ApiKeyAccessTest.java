package health.cms.delivery.apikey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.apikey.ApiKeyScope;
import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API keys at the edge of the public api: published content stays open without a key, a wrong key is refused
 * with the reason, rotation and revocation reach the api over NOTIFY, and the preview API needs a preview key.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class ApiKeyAccessTest {

    private static final String CATEGORIES = "/api/v1/categories";
    private static final String PREVIEW = "/api/v1/preview/articles/any-draft";

    @Inject
    KeyUsage usage;

    /** Waits (up to 10 s) until {@code status} answers {@code expected}: the NOTIFY reaches the api asynchronously. */
    private static void eventually(int expected, IntSupplier status) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        int last = status.getAsInt();
        while (last != expected && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = status.getAsInt();
        }
        assertEquals(expected, last);
    }

    private static int withBearer(String key, String path) {
        return given().header("Authorization", "Bearer " + key).get(path).statusCode();
    }

    @Test
    void publishedContentStaysOpenWithoutAKey() {
        given().get(CATEGORIES).then().statusCode(200);
    }

    @Test
    void aKeyThatIsNotOursIsRefusedWith401AndTheReason() {
        for (var request : new io.restassured.specification.RequestSpecification[]{
                given().header("Authorization", "Bearer cms_notAKeyOfThisApiAtAll"),
                given().header("X-Api-Key", "cms_notAKeyOfThisApiAtAll"),
                given().header("X-Api-Key", "x".repeat(5000))}) {
            request.get(CATEGORIES).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer").header("Cache-Control", "no-store")
                    .body("title", equalTo("Unknown API key")).body("detail", containsString("rotated or revoked"));
        }
        // Health checks never trip over a stray key.
        given().header("X-Api-Key", "cms_nonsense").get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aWorkingKeyPassesAndItsUsageIsWrittenInOneBatch() {
        IssuedKeys.Issued issued = IssuedKeys.issue("Usage partner", ApiKeyScope.DELIVERY);
        eventually(200, () -> withBearer(issued.key(), CATEGORIES));
        usage.flush();
        String before = IssuedKeys.usage(issued.id());
        for (int i = 0; i < 4; i++) {
            given().header("X-Api-Key", issued.key()).get(CATEGORIES).then().statusCode(200);
        }
        assertEquals(before, IssuedKeys.usage(issued.id()), "no write per request");
        usage.flush();
        long counted = Long.parseLong(before.split("/")[0]) + 4;
        assertEquals(counted + "/used", IssuedKeys.usage(issued.id()));
    }

    @Test
    void aRotatedKeyIsRefusedAndItsSuccessorAccepted() {
        IssuedKeys.Issued issued = IssuedKeys.issue("Rotating partner", ApiKeyScope.DELIVERY);
        eventually(200, () -> withBearer(issued.key(), CATEGORIES));
        String successor = IssuedKeys.rotate(issued.id());
        eventually(401, () -> withBearer(issued.key(), CATEGORIES));
        assertEquals(200, withBearer(successor, CATEGORIES));
    }

    @Test
    void aRevokedKeyIsRefused() {
        IssuedKeys.Issued issued = IssuedKeys.issue("Former partner", ApiKeyScope.PREVIEW);
        eventually(200, () -> withBearer(issued.key(), CATEGORIES));
        IssuedKeys.revoke(issued.id());
        eventually(401, () -> withBearer(issued.key(), CATEGORIES));
    }

    @Test
    void thePreviewApiNeedsAPreviewKey() {
        given().get(PREVIEW).then().statusCode(401).contentType("application/problem+json")
                .body("title", equalTo("Preview key required")).header("WWW-Authenticate", "Bearer");
        IssuedKeys.Issued delivery = IssuedKeys.issue("Delivery only", ApiKeyScope.DELIVERY);
        eventually(403, () -> withBearer(delivery.key(), PREVIEW));
        given().header("X-Api-Key", delivery.key()).get(PREVIEW).then().contentType("application/problem+json")
                .body("title", equalTo("Not a preview key"));
        IssuedKeys.Issued preview = IssuedKeys.issue("Preview partner", ApiKeyScope.PREVIEW);
        // Past the gate: whatever the preview API answers, it is not a refusal of the key.
        eventually(404, () -> withBearer(preview.key(), PREVIEW));
    }
}
