package health.cms.admin.security;

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
        URL managementMetrics = new URL("http", management.getHost(), management.getPort(), "/q/metrics");
        given().redirects().follow(false).get("/q/metrics").then().statusCode(404);

        given().get(managementMetrics).then().statusCode(200).body(containsString("cms_webhooks_outbox_pending"));
        assertNotEquals(RestAssured.port, managementMetrics.getPort(), "a listener of its own");
        // The value the packaged app uses unless CMS_MANAGEMENT_HOST is set: the loopback interface only.
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.management.host", String.class));
        assertEquals("127.0.0.1", managementMetrics.getHost());
        given().get("/q/health/ready").then().statusCode(200);
    }
}
