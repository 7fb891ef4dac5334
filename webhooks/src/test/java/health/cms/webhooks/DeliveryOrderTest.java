package health.cms.webhooks;

import static health.cms.webhooks.testing.DeliveryHarness.idsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.outbox.Outbox.EventType;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.ReceiverTest;
import health.cms.webhooks.testing.TestReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Delivery order and what a receiver gets: the real outbox rows, the real worker, and a real HTTP
 * receiver on 127.0.0.1 that checks every signature with its own code. Time moves through the test clock.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DeliveryOrderTest extends ReceiverTest {

    private static final List<String> ALL = WebhookEvents.TYPES;

    @Inject
    WebhookSubscriptions webhooks;

    @Test
    void everyEventArrivesSignedInOrderPerArticleAndTheLogShowsEachAttempt() {
        SubscriptionView subscription = harness.subscribe(receiver, ALL, List.of());
        receiver.failFirst(2, 503);

        OutboxEvents.Article live = OutboxEvents.published("wh-order-a");
        live.emit(EventType.CORRECTION_PUBLISHED, 2, OutboxEvents.CATEGORY);
        live.emit(EventType.ARTICLE_UPDATED, 2, OutboxEvents.CATEGORY);
        live.emit(EventType.ARTICLE_UNPUBLISHED, 2, OutboxEvents.CATEGORY);
        OutboxEvents.Article other = OutboxEvents.published("wh-order-b");
        harness.settle();

        List<String> expectedA = harness.outboxMessages(live.id());
        assertEquals(4, expectedA.size(), "published, correction, updated, unpublished");
        List<TestReceiver.Received> all = receiver.all();
        assertTrue(all.stream().allMatch(TestReceiver.Received::verified), "every request carries a valid signature");
        // each message accepted exactly once, in outbox order
        assertEquals(expectedA, idsFor(receiver.accepted(), live.id()));
        assertEquals(harness.outboxMessages(other.id()), idsFor(receiver.accepted(), other.id()));
        // in order also while retrying: no message of the article was tried before the previous one was accepted
        List<String> expectedTries = new ArrayList<>();
        expectedA.forEach(id -> expectedTries.addAll(List.of(id, id, id)));
        assertEquals(expectedTries, idsFor(all, live.id()));

        TestReceiver.Received published = receiver.accepted().stream().filter(r -> r.id().equals(expectedA.get(0)))
                .findFirst().orElseThrow();
        assertEquals("article.published", published.type());
        assertEquals("wh-order-a", published.slug());
        assertEquals(live.id(), published.json().path("data").path("id").asLong());
        assertEquals(1, published.json().path("data").path("revision").asInt());
        assertEquals("https://www.example.org/articles/wh-order-a", published.json().path("data").path("url").asText());
        assertEquals("treatments-therapies", published.json().path("data").path("category").asText());
        assertFalse(published.json().path("timestamp").asText().isEmpty());

        List<DeliveryView> log = harness.log(subscription);
        assertEquals(5, log.size());
        for (DeliveryView delivery : log) {
            assertEquals("delivered", delivery.state());
            assertEquals(3, delivery.attempts());
            assertEquals(List.of("retry", "retry", "delivered"),
                    delivery.attemptLog().stream().map(DeliveryView.Attempt::outcome).toList());
            assertEquals(List.of(503, 503, 200),
                    delivery.attemptLog().stream().map(DeliveryView.Attempt::statusCode).toList());
            assertNotNull(delivery.attemptLog().get(0).nextRetryAt());
            assertTrue(delivery.attemptLog().get(1).nextRetryAt().isAfter(delivery.attemptLog().get(0).nextRetryAt()));
            assertNull(delivery.attemptLog().get(2).nextRetryAt());
            assertEquals("HTTP 503", delivery.attemptLog().get(0).error());
            assertEquals("ok", delivery.attemptLog().get(2).responseBody());
        }
        assertNotNull(webhooks.get(subscription.id()).lastSuccessAt());
    }

    @Test
    void aClientErrorStopsRetryingTheLaterEventStillGoesAndRedeliverySendsTheSameMessage() {
        SubscriptionView subscription = harness.subscribe(receiver, ALL, List.of());
        receiver.failFirst(1, 400);
        OutboxEvents.Article live = OutboxEvents.published("wh-bad-request");
        live.emit(EventType.ARTICLE_UNPUBLISHED, 1, OutboxEvents.CATEGORY);
        harness.settle();
        List<String> messages = harness.outboxMessages(live.id());
        assertEquals(messages, idsFor(receiver.all(), live.id()), "each tried once, in order, none retried");
        List<DeliveryView> log = harness.log(subscription);
        assertEquals(List.of("failed", "failed"), log.stream().map(DeliveryView::state).toList());
        assertEquals(400, log.get(0).lastStatusCode());
        assertEquals("HTTP 400", log.get(0).lastError());
        assertTrue(webhooks.get(subscription.id()).enabled(), "one 4xx does not disable");

        DeliveryView firstEvent = log.get(1);
        DeliveryView again = webhooks.redeliver("editor1", firstEvent.id());
        assertEquals(firstEvent.id(), again.redeliveryOf());
        assertEquals("pending", again.state());
        harness.settle();
        List<TestReceiver.Received> accepted = receiver.accepted();
        assertEquals(1, accepted.size());
        assertEquals(firstEvent.messageId(), accepted.get(0).id(), "the same webhook-id, so receivers can dedupe");
        assertEquals(firstEvent.payload(), accepted.get(0).body());
        DeliveryView redelivered = webhooks.delivery(again.id());
        assertEquals("delivered", redelivered.state());
        assertEquals("editor1", redelivered.requestedBy());
    }
}
