package health.cms.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Webhook metrics on {@code /q/metrics}: the backlog (events not yet fanned out, deliveries pending,
 * age of the oldest), the latency from a change to the receiver's 2xx, attempt durations, and failed
 * attempts per subscription.
 */
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong deliveriesPending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final Timer latency;

    WebhookMetrics(MeterRegistry registry, WebhookDeliveryRepository deliveries, Clock clock) {
        this.registry = registry;
        this.deliveries = deliveries;
        this.clock = clock;
        Gauge.builder("cms.webhooks.outbox.pending", outboxPending, AtomicLong::get)
                .description("Outbox events not yet turned into deliveries").register(registry);
        Gauge.builder("cms.webhooks.deliveries.pending", deliveriesPending, AtomicLong::get)
                .description("Deliveries waiting to be sent or retried (held ones of disabled subscriptions included)")
                .register(registry);
        Gauge.builder("cms.webhooks.deliveries.oldest.pending", oldestPendingSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest pending delivery").register(registry);
        this.latency = Timer.builder("cms.webhooks.delivery.latency")
                .description("From the change (outbox event) to the receiver accepting its first delivery")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void delivered(Duration sinceEvent) {
        latency.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    void attempt(long subscriptionId, RetryPolicy.Verdict verdict, Duration took) {
        Timer.builder("cms.webhooks.attempt.duration").description("Duration of one HTTP attempt")
                .tag("outcome", verdict.name().toLowerCase()).register(registry).record(took);
        if (verdict != RetryPolicy.Verdict.DELIVERED) {
            Counter.builder("cms.webhooks.delivery.failures")
                    .description("Failed attempts per subscription (retry: will be tried again; failed: given up)")
                    .tag("subscription", Long.toString(subscriptionId))
                    .tag("outcome", verdict.name().toLowerCase()).register(registry).increment();
        }
    }

    /** Reads the backlog from the database (called by the delivery worker every few seconds). */
    public void refreshBacklog() {
        QuarkusTransaction.requiringNew().run(() -> {
            Number events = (Number) deliveries.getEntityManager()
                    .createNativeQuery("SELECT count(*) FROM outbox_event WHERE fanned_out_at IS NULL")
                    .getSingleResult();
            Object[] backlog = deliveries.backlog();
            outboxPending.set(events.longValue());
            deliveriesPending.set(((Number) backlog[0]).longValue());
            Instant oldest = Sql.instant(backlog[1]);
            oldestPendingSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
        });
    }
}
