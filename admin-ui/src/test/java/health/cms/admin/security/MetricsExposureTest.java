package health.cms.admin.security;

import static io.restassured.RestAssured.given;

import java.net.URL;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MetricsExposure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * The desk's metrics name every webhook subscription and its failures: they are served on the
 * management interface, bound to localhost unless the operator opens it, never on the public port.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class MetricsExposureTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void metricsAreNotOnThePublicPortInProduction() throws Exception {
        MetricsExposure.assertOnlyOnTheManagementInterface(RestAssured.port, management, "jvm_memory_used_bytes");
        // probes keep polling health where they always did
        given().get("/q/health/ready").then().statusCode(200);
    }
}
