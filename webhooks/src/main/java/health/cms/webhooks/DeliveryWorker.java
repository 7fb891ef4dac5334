package health.cms.webhooks;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Sends due deliveries: fans out new outbox events, claims due deliveries under a lease, sends them on a
 * fixed pool of {@code max-concurrency} threads (each request bounded by the connect and request
 * timeouts), and records every attempt. Every instance runs one; they share the work through the
 * database. An instance that stops mid-delivery leaves leases that run out, and another instance (or
 * this one after a restart) sends those deliveries again: at-least-once, receivers dedupe by webhook-id.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final Duration BACKLOG_METRICS_EVERY = Duration.ofSeconds(5);

    private final WebhooksConfig config;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final OutboxFanOut fanOut;
    private final WebhookSender sender;
    private final TargetGuard guard;
    private final WebhookMetrics metrics;
    private final Clock clock;
    private final RetryPolicy policy;
    private final String instance = instanceName();
    private final ExecutorService pool;
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object signal = new Object();
    private final AtomicBoolean outboxChanged = new AtomicBoolean();
    private volatile boolean wakeUp;
    private volatile boolean running;
    private volatile boolean stopping;
    private Thread dispatcher;

    DeliveryWorker(WebhooksConfig config, WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
            OutboxFanOut fanOut, WebhookSender sender, TargetGuard guard, WebhookMetrics metrics, Clock clock) {
        this.config = config;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.fanOut = fanOut;
        this.sender = sender;
        this.guard = guard;
        this.metrics = metrics;
        this.clock = clock;
        this.policy = RetryPolicy.of(this.config);
        this.slots = new Semaphore(this.config.maxConcurrency());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.config.maxConcurrency(), task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes StartupEvent event) {
        if (config.lease().compareTo(config.connectTimeout().plus(config.requestTimeout()).plusSeconds(5)) < 0) {
            throw new IllegalStateException("cms.webhooks.lease must exceed connect-timeout + request-timeout by 5s,"
                    + " or a slow request's delivery could be taken over while it is still being sent");
        }
        if (config.every().equals("off")) {
            LOG.info("Webhook delivery is off on this instance (cms.webhooks.every=off)");
            return;
        }
        Duration every = DurationConverter.parseDuration(config.every());
        running = true;
        dispatcher = new Thread(() -> dispatch(every), "webhook-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        running = false;
        wake();
        try {
            if (dispatcher != null) {
                dispatcher.join(5_000);
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // anything still in flight keeps its lease until it runs out; then another instance sends it again
    }

    /** The name this instance writes into leases and the attempt log. */
    public String instance() {
        return instance;
    }

    /** Asks the dispatcher to fan out and look for work now: an outbox event committed or a delivery was queued. */
    public void newWork() {
        outboxChanged.set(true);
        wake();
    }

    private void wake() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    private void dispatch(Duration every) {
        Instant metricsDue = Instant.EPOCH;
        while (running) {
            try {
                deliverDue();
                if (!Instant.now().isBefore(metricsDue)) {
                    metrics.refreshBacklog();
                    metricsDue = Instant.now().plus(BACKLOG_METRICS_EVERY);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Webhook delivery round failed (will try again): %s", e.toString());
            }
            awaitSignal(every.toMillis());
        }
    }

    /**
     * Fans out new events, then sends every delivery that is due now, in order per article, until none is
     * left that can go now; returns how many attempts this round made.
     */
    public synchronized int deliverDue() {
        outboxChanged.set(false);
        fanOut.fanOut();
        int attempted = 0;
        while (!stopping) {
            if (outboxChanged.getAndSet(false)) {
                fanOut.fanOut();
            }
            int free = slots.availablePermits();
            List<WebhookDeliveryRepository.Claimed> claimed = free == 0 ? List.of() : claim(free);
            for (WebhookDeliveryRepository.Claimed delivery : claimed) {
                slots.acquireUninterruptibly();
                inFlight.incrementAndGet();
                pool.execute(() -> {
                    try {
                        deliver(delivery);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Could not record the attempt of delivery %d; its lease will run out and it"
                                + " will be sent again", delivery.id());
                    } finally {
                        inFlight.decrementAndGet();
                        slots.release();
                        wake();
                    }
                });
            }
            attempted += claimed.size();
            if (claimed.isEmpty()) {
                if (inFlight.get() == 0) {
                    return attempted;
                }
                // a finished delivery may let the next one of its article go
                awaitSignal(200);
            }
        }
        return attempted;
    }

    /** Sends a delivery that was created leased to this instance, in the calling thread ("send test event"). */
    public void deliverLeased(long deliveryId, String token) {
        QuarkusTransaction.requiringNew().call(() -> deliveries.leased(deliveryId, token, clock.instant()))
                .forEach(this::deliver);
    }

    /** How long a lease lasts. */
    public Duration lease() {
        return config.lease();
    }

    private List<WebhookDeliveryRepository.Claimed> claim(int limit) {
        String token = UUID.randomUUID().toString();
        List<WebhookDeliveryRepository.Interrupted> interrupted = new ArrayList<>();
        List<WebhookDeliveryRepository.Claimed> claimed = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claim(instance, token, clock.instant(), config.lease(), limit,
                        config.maxInFlightPerSubscription(), interrupted));
        interrupted.forEach(lost -> LOG.warnf("Delivery %d was claimed by %s, which stopped before finishing it;"
                + " sending it again", lost.deliveryId(), lost.instance()));
        return claimed;
    }

    private void deliver(WebhookDeliveryRepository.Claimed delivery) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        TargetGuard.Checked checked = guard.check(delivery.url());
        WebhookSender.Result result = checked.refused()
                .map(WebhookSender.Result::refused)
                .orElseGet(() -> sender.send(checked.target(), delivery.messageId(), started.getEpochSecond(),
                        delivery.payload(), delivery.secrets()));
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        RetryPolicy.Verdict verdict = QuarkusTransaction.requiringNew().call(() -> record(delivery, result, started,
                took));
        metrics.attempt(delivery.subscriptionId(), verdict, took);
        if (verdict == RetryPolicy.Verdict.DELIVERED && !delivery.test() && !delivery.redelivery()
                && delivery.attempts() == 0) {
            metrics.delivered(Duration.between(delivery.occurredAt(), clock.instant()));
        }
    }

    private RetryPolicy.Verdict record(WebhookDeliveryRepository.Claimed delivery, WebhookSender.Result result,
            Instant started, Duration took) {
        Instant now = clock.instant();
        int number = delivery.attempts() + 1;
        Instant windowStart = delivery.firstAttemptAt() == null ? started : delivery.firstAttemptAt();
        RetryPolicy.Decision decision = policy.decide(result, number, windowStart, now, delivery.test());
        String error = Sql.text(decision.reason(), 2000);
        WebhookDeliveryRepository.Recorded recorded = deliveries.finish(delivery, decision, number, instance, started,
                (int) Math.min(Integer.MAX_VALUE, took.toMillis()), result.statusCode(), error,
                Sql.text(result.responseExcerpt(), WebhookSender.KEPT_RESPONSE_BYTES), now);
        if (recorded == WebhookDeliveryRepository.Recorded.GONE) {
            return decision.verdict(); // the subscription was deleted while the request was out
        }
        if (recorded == WebhookDeliveryRepository.Recorded.TAKEN_OVER) {
            LOG.warnf("Delivery %d outlived its lease; another instance has taken it over", delivery.id());
        }
        if (!delivery.test()) {
            recordHealth(delivery.subscriptionId(), decision, now);
        }
        return decision.verdict();
    }

    /** A subscription that accepted nothing for {@code disable-after}, or answered 410 Gone, is disabled. */
    private void recordHealth(long subscriptionId, RetryPolicy.Decision decision, Instant now) {
        if (decision.verdict() == RetryPolicy.Verdict.DELIVERED) {
            subscriptions.recordSuccess(subscriptionId, now);
            return;
        }
        Instant failingSince = subscriptions.recordFailure(subscriptionId, now);
        if (failingSince == null) {
            return;
        }
        String reason = null;
        if (decision.disableSubscription()) {
            reason = "Disabled automatically at " + now + ": the receiver answered 410 Gone";
        } else if (!failingSince.plus(config.disableAfter()).isAfter(now)) {
            reason = "Disabled automatically at " + now + ": no delivery was accepted since " + failingSince
                    + " (last error: " + decision.reason() + ")";
        }
        if (reason != null && subscriptions.disable(subscriptionId, reason, now)) {
            LOG.warnf("Webhook subscription %d disabled: %s", subscriptionId, reason);
        }
    }

    private void awaitSignal(long millis) {
        synchronized (signal) {
            if (!wakeUp) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeUp = false;
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().split("@")[0];
        String name = host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 100 ? name.substring(name.length() - 100) : name;
    }
}
