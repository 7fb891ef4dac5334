package health.cms.webhooks;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes finished deliveries (with their attempts) older than {@code cms.webhooks.log-retention} and
 * outbox events older than {@code cms.webhooks.outbox-retention}, in small batches. Pending deliveries,
 * events not yet fanned out and events that still have a pending delivery are never deleted. Every
 * batch locks its rows with {@code FOR UPDATE SKIP LOCKED}, so desk replicas pruning at the same time
 * split the work instead of waiting on each other, and a row a worker holds is left for the next run.
 */
@ApplicationScoped
public class WebhookPruner {

    /** What one run deleted. */
    public record Pruned(int deliveries, int outboxEvents) {
    }

    private static final Logger LOG = Logger.getLogger(WebhookPruner.class);
    private static final int BATCH = 1000;

    private final WebhookDeliveryRepository deliveries;
    private final EntityManager em;
    private final WebhooksConfig config;
    private final Clock clock;

    WebhookPruner(WebhookDeliveryRepository deliveries, EntityManager em, WebhooksConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${cms.webhooks.prune-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "30s")
    void tick() {
        Pruned pruned = prune();
        if (pruned.deliveries() > 0 || pruned.outboxEvents() > 0) {
            LOG.infof("Pruned %d webhook deliveries older than %s and %d outbox events older than %s",
                    pruned.deliveries(), config.logRetention(), pruned.outboxEvents(), config.outboxRetention());
        }
    }

    /** Deletes what is past retention, deliveries first (they point at their events). */
    public Pruned prune() {
        Instant now = clock.instant();
        Instant deliveriesBefore = now.minus(config.logRetention());
        Instant eventsBefore = now.minus(config.outboxRetention());
        int deliveriesPruned = Batches.inShortTransactions(BATCH, () -> deliveries.prune(deliveriesBefore, BATCH));
        int eventsPruned = Batches.inShortTransactions(BATCH, () -> pruneOutbox(eventsBefore));
        return new Pruned(deliveriesPruned, eventsPruned);
    }

    /**
     * Fanned-out events that occurred before the cut-off and have no pending delivery; finished deliveries
     * of a deleted event keep their own copy of the body and lose only the link to it.
     */
    private int pruneOutbox(Instant occurredBefore) {
        return em.createNativeQuery("""
                DELETE FROM outbox_event WHERE id IN (
                    SELECT o.id FROM outbox_event o
                    WHERE o.fanned_out_at IS NOT NULL AND o.occurred_at < :before
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = o.id AND d.state = 'pending')
                    ORDER BY o.occurred_at LIMIT :batch
                    FOR UPDATE OF o SKIP LOCKED)""")
                .setParameter("before", occurredBefore).setParameter("batch", BATCH).executeUpdate();
    }
}
