package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The delivery log keeps finished deliveries for the retention time and pending ones for ever. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DeliveryLogPrunerTest extends ReceiverTest {

    @Inject
    DeliveryWorker worker;
    @Inject
    DeliveryLogPruner pruner;

    @Test
    void finishedDeliveriesArePrunedAfterTheRetentionButPendingOnesStay() {
        SubscriptionView subscription = harness.subscribe(receiver, List.of("article.published"), List.of());
        OutboxEvents.published("wh-prune-delivered");
        harness.settle();
        receiver.failFirst(Integer.MAX_VALUE, 503);
        OutboxEvents.published("wh-prune-pending");
        worker.deliverDue();
        assertEquals(2, harness.log(subscription).size());

        clock.advance(Duration.ofDays(31));
        assertTrue(pruner.prune() >= 1);
        List<DeliveryView> left = harness.log(subscription);
        assertEquals(List.of("pending"), left.stream().map(DeliveryView::state).toList());
        assertEquals("wh-prune-pending", left.get(0).slug());
    }
}
