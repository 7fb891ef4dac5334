package health.cms.webhooks;

import static health.cms.webhooks.testing.DeliveryHarness.idsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Giving up on an event, disabling a subscription that accepts nothing, and resuming it. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SubscriptionHealthTest extends ReceiverTest {

    @Inject
    WebhookSubscriptions webhooks;

    @Test
    void aSubscriptionThatAcceptsNothingForDaysIsDisabledWithAReasonAndResumesWhenEnabled() {
        SubscriptionView subscription = harness.subscribe(receiver, List.of("article.published"), List.of());
        receiver.failFirst(Integer.MAX_VALUE, 500);
        OutboxEvents.Article first = OutboxEvents.published("wh-disable-1");
        harness.settle();
        DeliveryView gaveUp = harness.log(subscription).get(0);
        assertEquals("failed", gaveUp.state(), "given up after the retry window");
        assertTrue(gaveUp.lastError().contains("gave up after"), gaveUp.lastError());
        Duration retried = Duration.between(gaveUp.attemptLog().get(0).startedAt(),
                gaveUp.attemptLog().get(gaveUp.attempts() - 1).startedAt());
        assertTrue(retried.compareTo(Duration.ofHours(24)) >= 0, "retried for " + retried);
        assertTrue(webhooks.get(subscription.id()).enabled(), "a day of failures is not enough");

        clock.advance(Duration.ofDays(5));
        OutboxEvents.Article second = OutboxEvents.published("wh-disable-2");
        harness.settle();
        SubscriptionView disabled = webhooks.get(subscription.id());
        assertFalse(disabled.enabled());
        assertTrue(disabled.disabledReason().startsWith("Disabled automatically"), disabled.disabledReason());
        assertTrue(disabled.disabledReason().contains("no delivery was accepted since"), disabled.disabledReason());
        assertTrue(disabled.disabledReason().contains("HTTP 500"), disabled.disabledReason());
        assertEquals(1, disabled.pendingDeliveries(), "the second event is held, not lost");
        assertTrue(disabled.version() > subscription.version());

        receiver.failFirst(0, 500);
        SubscriptionView enabled = webhooks.update("editor1", subscription.id(), disabled.version(),
                new SubscriptionInput(receiver.url(), "fixed", List.of("article.published"), List.of(), true));
        assertTrue(enabled.enabled());
        assertNull(enabled.disabledReason());
        harness.settle();
        assertEquals(List.of(), idsFor(receiver.accepted(), first.id()));
        assertEquals(harness.outboxMessages(second.id()), idsFor(receiver.accepted(), second.id()));
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() {
        SubscriptionView subscription = harness.subscribe(receiver, List.of("article.published"), List.of());
        receiver.failFirst(1, 410);
        OutboxEvents.published("wh-gone");
        harness.settle();
        SubscriptionView gone = webhooks.get(subscription.id());
        assertFalse(gone.enabled());
        assertTrue(gone.disabledReason().contains("410 Gone"), gone.disabledReason());
    }
}
