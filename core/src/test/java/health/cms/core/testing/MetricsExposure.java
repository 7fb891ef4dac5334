package health.cms.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where an app's metrics may be read: on its management interface, bound to the loopback interface
 * unless the operator opens it, and never on the public port. Both apps' tests check the same.
 */
public final class MetricsExposure {

    private MetricsExposure() {
    }

    /**
     * {@code management} is the app's management interface (a {@code @TestHTTPResource(management = true)}),
     * {@code metric} one the app must export.
     */
    public static void assertOnlyOnTheManagementInterface(int publicPort, URL management, String metric) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> publicAnswer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + publicPort
                + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, publicAnswer.statusCode(), "metrics on the public port: " + publicAnswer.body());

        URI metrics = URI.create("http://" + management.getHost() + ":" + management.getPort() + "/q/metrics");
        HttpResponse<String> managementAnswer = http.send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, managementAnswer.statusCode());
        assertTrue(managementAnswer.body().contains(metric), metric + " missing from " + metrics);
        assertNotEquals(publicPort, management.getPort(), "a listener of its own");
        // The value the packaged app uses unless CMS_MANAGEMENT_HOST is set: the loopback interface only.
        assertEquals("127.0.0.1", ConfigProvider.getConfig().getValue("quarkus.management.host", String.class));
        assertEquals("127.0.0.1", management.getHost());
    }
}
