package health.cms.delivery.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Metrics show every route's traffic, the connection pools and the JVM's internals: they are served on
 * the management interface, bound to localhost unless the operator opens it, never on the public port.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MetricsExposureTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void metricsAreNotOnThePublicPortInProduction() throws Exception {
        URL managementMetrics = new URL("http", management.getHost(), management.getPort(), "/q/metrics");
        given().get("/api/v1/categories").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/metrics/").then().statusCode(404);

        given().get(managementMetrics).then().statusCode(200).body(containsString("http_server_requests"));
        assertNotEquals(RestAssured.port, managementMetrics.getPort(), "a listener of its own");
        // The value the packaged app uses unless CMS_MANAGEMENT_HOST is set: the loopback interface only.
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.management.host", String.class));
        assertEquals("127.0.0.1", managementMetrics.getHost());
    }

    @Test
    void healthAndTheApiDescriptionStayOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/articles/{slug}"));
    }
}
