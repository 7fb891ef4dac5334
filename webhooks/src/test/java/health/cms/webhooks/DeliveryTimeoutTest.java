package health.cms.webhooks;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.ReceiverTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A receiver that does not answer within the request timeout: retried later, and counted in the metrics. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DeliveryTimeoutTest extends ReceiverTest {

    @Inject
    DeliveryWorker worker;

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetriedLaterAndCounted() {
        SubscriptionView subscription = harness.subscribe(receiver.answerAfter(Duration.ofMillis(3500)),
                List.of("article.published"), List.of());
        OutboxEvents.published("wh-timeout");
        worker.deliverDue();
        DeliveryView delivery = harness.log(subscription).get(0);
        assertEquals("pending", delivery.state(), "a timeout is retried");
        assertEquals("timed out: no answer within 2 s", delivery.lastError());
        assertTrue(delivery.attemptLog().get(0).durationMs() >= 2000);
        assertNotNull(delivery.nextAttemptAt());
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("cms_webhooks_delivery_failures_total{outcome=\"retry\","
                        + "subscription=\"" + subscription.id() + "\"} 1.0"))
                .body(containsString("cms_webhooks_attempt_duration_seconds_count{outcome=\"retry\"}"))
                .body(containsString("cms_webhooks_delivery_latency_seconds"))
                .body(containsString("cms_webhooks_deliveries_pending"));
    }
}
