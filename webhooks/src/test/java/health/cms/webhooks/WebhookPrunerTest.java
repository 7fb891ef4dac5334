package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.ReceiverTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Retention of the delivery log and the outbox: old finished rows go, pending ones stay for ever, and a
 * replica pruning at the same time as another never waits for it. Time moves through the test clock.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WebhookPrunerTest extends ReceiverTest {

    @Inject
    DeliveryWorker worker;
    @Inject
    WebhookPruner pruner;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void finishedDeliveriesArePrunedAfterTheRetentionButPendingOnesStay() {
        SubscriptionView subscription = harness.subscribe(receiver, List.of("article.published"), List.of());
        OutboxEvents.published("wh-prune-delivered");
        harness.settle();
        receiver.failFirst(Integer.MAX_VALUE, 503);
        OutboxEvents.published("wh-prune-pending");
        worker.deliverDue();
        assertEquals(2, harness.log(subscription).size());

        clock.advance(Duration.ofDays(29));
        pruner.prune();
        assertEquals(2, harness.log(subscription).size(), "within the 30 days nothing goes");

        clock.advance(Duration.ofDays(2));
        assertTrue(pruner.prune().deliveries() >= 1);
        List<DeliveryView> left = harness.log(subscription);
        assertEquals(List.of("pending"), left.stream().map(DeliveryView::state).toList());
        assertEquals("wh-prune-pending", left.get(0).slug());
    }

    @Test
    void oldOutboxEventsArePrunedButNotThoseStillToFanOutOrStillBeingDelivered() {
        harness.subscribe(receiver, List.of("article.published"), List.of());
        OutboxEvents.Article delivered = OutboxEvents.published("wh-prune-event-delivered");
        harness.settle();
        receiver.failFirst(Integer.MAX_VALUE, 503);
        OutboxEvents.Article retrying = OutboxEvents.published("wh-prune-event-retrying");
        worker.deliverDue();
        // written after the last fan-out, as if the desk had been stopped since
        OutboxEvents.Article waiting = OutboxEvents.published("wh-prune-event-waiting");

        clock.advance(Duration.ofDays(29));
        pruner.prune();
        assertEquals(1, events(delivered), "within the 30 days every event stays");

        clock.advance(Duration.ofDays(2));
        assertTrue(pruner.prune().outboxEvents() >= 1);
        assertEquals(0, events(delivered), "fanned out and delivered: pruned");
        assertEquals(1, events(retrying), "its delivery is still pending");
        assertEquals(1, events(waiting), "not fanned out yet");
        assertEquals(1, fanOut.fanOut(), "the waiting event still becomes a delivery");
    }

    @Test
    void aReplicaPruningSkipsRowsAnotherReplicaHoldsInsteadOfWaiting() throws Exception {
        harness.subscribe(receiver, List.of("article.published"), List.of());
        OutboxEvents.Article held = OutboxEvents.published("wh-prune-held");
        OutboxEvents.Article free = OutboxEvents.published("wh-prune-free");
        harness.settle();
        clock.advance(Duration.ofDays(31));
        try (Connection otherReplica = dataSource.getConnection(); Statement statement = otherReplica.createStatement()) {
            otherReplica.setAutoCommit(false);
            statement.execute("SELECT 1 FROM webhook_delivery WHERE article_id = " + held.id() + " FOR UPDATE");
            statement.execute("SELECT 1 FROM outbox_event WHERE article_id = " + held.id() + " FOR UPDATE");

            WebhookPruner.Pruned pruned = CompletableFuture.supplyAsync(pruner::prune).get(10, TimeUnit.SECONDS);

            assertTrue(pruned.deliveries() >= 1 && pruned.outboxEvents() >= 1, pruned.toString());
            assertEquals(0, events(free));
            assertEquals(1, events(held), "left for the replica that holds it");
            otherReplica.rollback();
        }
        pruner.prune();
        assertEquals(0, events(held), "the next run takes it");
    }

    private long events(OutboxEvents.Article article) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE article_id = :id")
                .setParameter("id", article.id()).getSingleResult()).longValue());
    }
}
