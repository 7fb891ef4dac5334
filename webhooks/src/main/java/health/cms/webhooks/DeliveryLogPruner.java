package health.cms.webhooks;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes finished deliveries (with their attempts) older than {@code cms.webhooks.log-retention}, in
 * small batches so the log stays readable and the table small. Pending deliveries are never pruned.
 */
@ApplicationScoped
public class DeliveryLogPruner {

    private static final Logger LOG = Logger.getLogger(DeliveryLogPruner.class);
    private static final int BATCH = 1000;

    private final WebhookDeliveryRepository deliveries;
    private final WebhooksConfig config;
    private final Clock clock;

    DeliveryLogPruner(WebhookDeliveryRepository deliveries, WebhooksConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${cms.webhooks.prune-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "30s")
    void tick() {
        int pruned = prune();
        if (pruned > 0) {
            LOG.infof("Pruned %d webhook deliveries older than %s", pruned, config.logRetention());
        }
    }

    /** Deletes what is past retention; returns how many deliveries went. */
    public int prune() {
        Instant cutOff = clock.instant().minus(config.logRetention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> deliveries.prune(cutOff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
