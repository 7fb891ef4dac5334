package health.cms.delivery.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.MetricsExposure;
import health.cms.delivery.testing.DeliveryRoleResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Metrics show every route's traffic, the connection pools and the JVM's internals: they are served on
 * the management interface, bound to localhost unless the operator opens it, never on the public port.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class MetricsExposureTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void metricsAreNotOnThePublicPortInProduction() throws Exception {
        given().get("/api/v1/categories").then().statusCode(200);
        MetricsExposure.assertOnlyOnTheManagementInterface(RestAssured.port, management, "http_server_requests");
        given().get("/q/metrics/").then().statusCode(404);
    }

    @Test
    void healthAndTheApiDescriptionStayOnThePublicPort() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/articles/{slug}"));
    }
}
