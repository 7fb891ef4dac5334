package health.cms.delivery.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The per-client limit as clients see it, with time standing still unless the test moves it. The test's
 * own connections come from 127.0.0.1, configured as the one trusted proxy; a raw socket bound to
 * 127.0.0.2 is a client connecting directly.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
@TestProfile(RateLimitTest.Strict.class)
class RateLimitTest {

    /** One request a second, bursts of five, a proxy on 127.0.0.1, and time moved by hand. */
    public static class Strict implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.rate-limit.per-second", "1", "cms.rate-limit.burst", "5",
                    "cms.rate-limit.trusted-proxies", "127.0.0.1/32, ::1/128");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ManualTicker.class);
        }
    }

    static final int BURST = 5;

    @Inject
    ManualTicker ticker;

    private static Response viaProxy(String client, String path) {
        // Not following redirects: each request here is exactly one request.
        return given().redirects().follow(false).header("X-Forwarded-For", client).get(path);
    }

    /** The statuses of {@code count} requests, the i-th made by {@code request}. */
    private static List<Integer> statuses(int count, IntFunction<Integer> request) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            statuses.add(request.apply(i));
        }
        return statuses;
    }

    private static List<Integer> burstThenRefused(int refused) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < BURST + refused; i++) {
            expected.add(i < BURST ? 200 : 429);
        }
        return expected;
    }

    @Test
    void aClientOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        assertEquals(burstThenRefused(2), statuses(BURST + 2, i -> viaProxy("203.0.113.7", "/api/v1/categories").statusCode()));
        Response refused = viaProxy("203.0.113.7", "/api/v1/categories");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .body("detail", containsString("1 requests per second")).header("Retry-After", "1")
                .header("X-Content-Type-Options", "nosniff");
        viaProxy("203.0.113.8", "/api/v1/categories").then().statusCode(200);

        // One second later exactly one token is back.
        ticker.advance(Duration.ofSeconds(1));
        assertEquals(List.of(200, 429), statuses(2, i -> viaProxy("203.0.113.7", "/api/v1/categories").statusCode()));
    }

    @Test
    void ipv6ClientRotatingWithinA64SharesOneBucket() {
        List<Integer> rotating = statuses(BURST + 3,
                i -> viaProxy("2001:db8:7:7:" + Integer.toHexString(i + 1) + "::" + Integer.toHexString(i * 31 + 7),
                        "/api/v1/categories").statusCode());
        assertEquals(burstThenRefused(3), rotating, "a new address in the same /64 is the same client");
        viaProxy("2001:db8:7:8::1", "/api/v1/categories").then().statusCode(200);
    }

    @Test
    void spoofedForwardedForFromUntrustedPeerIsIgnored() {
        // A client connecting directly writes a fresh X-Forwarded-For on every request: all of them are its own.
        List<Integer> spoofed = statuses(BURST + 3, i -> direct("127.0.0.2", "/api/v1/categories", "198.51.100." + (i + 1)));
        assertEquals(burstThenRefused(3), spoofed);
    }

    @Test
    void forwardedForFromTrustedProxyKeysTheClient() {
        assertEquals(burstThenRefused(1),
                statuses(BURST + 1, i -> viaProxy("203.0.113.20", "/api/v1/categories").statusCode()));
        // What a client writes in front of our proxy's entry changes nothing: still its empty bucket.
        assertEquals(List.of(429, 429, 429), statuses(3,
                i -> viaProxy("198.51.100." + (i + 1) + ", 203.0.113.20", "/api/v1/categories").statusCode()));
        // Another client behind the same proxy, and the proxy itself, have their own buckets.
        viaProxy("203.0.113.21", "/api/v1/categories").then().statusCode(200);
        assertEquals(200, direct("127.0.0.1", "/api/v1/categories", null), "a request of the proxy's own");
    }

    @Test
    void healthAndOpenApiAreRateLimited() {
        // Swagger UI's folder is rerouted to its index page inside the server: still one request, one token.
        List<String> paths = List.of("/q/health/live", "/q/openapi", "/q/health/ready", "/q/swagger-ui/", "/q/health",
                "/q/openapi", "/q/health/ready");
        List<Integer> statuses = statuses(paths.size(), i -> viaProxy("203.0.113.30", paths.get(i)).statusCode());
        assertEquals(burstThenRefused(2), statuses, "a flood of /q requests is limited like any other");
        viaProxy("203.0.113.30", "/q/health/live").then().statusCode(429).contentType("application/problem+json");
    }

    /** A request on a connection from {@code localAddress}, with an X-Forwarded-For unless null; returns the status. */
    private static int direct(String localAddress, String path, String forwardedFor) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new IllegalStateException("no answer on a connection from " + localAddress, e);
        }
    }
}
