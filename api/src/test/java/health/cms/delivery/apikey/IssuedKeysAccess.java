package health.cms.delivery.apikey;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

import health.cms.core.apikey.ApiKeyScope;

/** For tests of other packages: a key issued as the desk does it, returned once the api accepts it. */
public final class IssuedKeysAccess {

    private IssuedKeysAccess() {
    }

    /** A new key of this scope, after the api has heard of it (its NOTIFY arrives asynchronously). */
    public static String working(String name, ApiKeyScope scope) {
        String key = IssuedKeys.issue(name, scope).key();
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (given().header("X-Api-Key", key).get("/api/v1/categories").statusCode() != 200) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the api never accepted the key issued for " + name);
            }
            Thread.onSpinWait();
        }
        return key;
    }
}
