package health.cms.webhooks.testing;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import health.cms.webhooks.DeliveryView;
import health.cms.webhooks.DeliveryWorker;
import health.cms.webhooks.IssuedSecret;
import health.cms.webhooks.SubscriptionInput;
import health.cms.webhooks.SubscriptionView;
import health.cms.webhooks.WebhookSubscriptions;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Drives the real delivery worker from a test: subscribes receivers, runs rounds while moving the test
 * clock to each next retry, and reads the outbox and the delivery log. Works in any app that holds the
 * webhooks module.
 */
public final class DeliveryHarness {

    private final Supplier<Instant> now;
    private final Consumer<Instant> moveTo;

    /** {@code now} and {@code moveTo} read and set the app's test clock. */
    public DeliveryHarness(Supplier<Instant> now, Consumer<Instant> moveTo) {
        this.now = now;
        this.moveTo = moveTo;
    }

    public static WebhookSubscriptions subscriptions() {
        return Arc.container().instance(WebhookSubscriptions.class).get();
    }

    public static DeliveryWorker worker() {
        return Arc.container().instance(DeliveryWorker.class).get();
    }

    /** Subscribes the receiver (enabled) and makes it trust the new secret. */
    public SubscriptionView subscribe(TestReceiver to, List<String> types, List<String> categories) {
        IssuedSecret issued = subscriptions().create("editor1",
                new SubscriptionInput(to.url(), "test receiver", types, categories, true));
        to.trust(issued.secret());
        return issued.subscription();
    }

    /** Deletes every subscription, with its deliveries. */
    public void removeSubscriptions() {
        subscriptions().list().forEach(s -> subscriptions().delete(s.id()));
    }

    /** Runs the worker, moving the clock to each next retry, until nothing can be sent any more. */
    public void settle() {
        for (int round = 0; round < 200; round++) {
            worker().deliverDue();
            Object[] next = QuarkusTransaction.requiringNew().call(() -> (Object[]) em().createNativeQuery("""
                    SELECT count(*), ceil(extract(epoch FROM min(d.next_attempt_at)) * 1000000)
                    FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.state = 'pending' AND (s.enabled OR d.test)
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id
                                      AND e.article_id = d.article_id AND e.state = 'pending' AND e.id < d.id)""")
                    .getSingleResult());
            if (((Number) next[0]).longValue() == 0) {
                return;
            }
            long micros = ((Number) next[1]).longValue();
            Instant due = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
            if (due.isAfter(now.get())) {
                moveTo.accept(due);
            }
        }
        List<?> stuck = QuarkusTransaction.requiringNew().call(() -> em().createNativeQuery("""
                SELECT d.id || ' ' || d.article_id || ' ' || d.next_attempt_at || ' ' || coalesce(d.claimed_by, '-') || ' '
                       || coalesce(CAST(d.claimed_until AS text), '-') || ' now ' || CAST(:now AS timestamptz)
                FROM webhook_delivery d WHERE d.state = 'pending'""").setParameter("now", now.get()).getResultList());
        throw new AssertionError("deliveries did not settle: " + stuck);
    }

    /** The webhook-ids of an article's outbox events, in outbox order. */
    public List<String> outboxMessages(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em().createNativeQuery(
                "SELECT 'msg_' || id FROM outbox_event WHERE article_id = :id ORDER BY id", String.class)
                .setParameter("id", articleId).getResultList());
    }

    /** The webhook-ids of the requests about one article, in arrival order. */
    public static List<String> idsFor(List<TestReceiver.Received> received, long articleId) {
        return received.stream().filter(r -> r.json().path("data").path("id").asLong() == articleId)
                .map(TestReceiver.Received::id).toList();
    }

    /** The subscription's delivery log, newest first. */
    public List<DeliveryView> log(SubscriptionView subscription) {
        return subscriptions().deliveries(subscription.id(), null, null, 200).deliveries();
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
