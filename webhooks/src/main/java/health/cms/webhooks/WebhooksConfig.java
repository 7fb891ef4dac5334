package health.cms.webhooks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Signed webhook delivery from the outbox: the settings under {@code cms.webhooks}. */
@ConfigMapping(prefix = "cms.webhooks")
public interface WebhooksConfig {

    /**
     * How often this instance looks for due deliveries when no outbox notification woke it, e.g.
     * {@code 1s}; {@code off} disables this instance's delivery worker.
     */
    @WithDefault("1s")
    String every();

    /**
     * Allows targets that resolve to loopback, link-local or private addresses. Off in production:
     * a subscription must not become a way to reach the desk's own network.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** The public URL of an article in webhook bodies, with {@code {slug}} and optionally {@code {locale}}. */
    String articleUrl();

    /** HTTP requests in flight at once on this instance. */
    @WithDefault("16")
    int maxConcurrency();

    /** Requests in flight at once to one subscription (over all instances), so a slow receiver cannot take every slot. */
    @WithDefault("4")
    int maxInFlightPerSubscription();

    @WithDefault("5s")
    Duration connectTimeout();

    /** The whole request, until the response headers and body arrive. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a claimed delivery belongs to this instance; after that another instance retries it. */
    @WithDefault("60s")
    Duration lease();

    Retry retry();

    /** A subscription that accepted nothing for this long is disabled, with the reason shown. */
    @WithDefault("5d")
    Duration disableAfter();

    /** After a secret rotation the previous secret also signs for this long. */
    @WithDefault("24h")
    Duration secretGrace();

    /** Finished deliveries and their attempts are deleted after this long. */
    @WithDefault("30d")
    Duration logRetention();

    /**
     * Outbox events are deleted this long after they occurred, once fanned out and with no pending delivery.
     * As long as the delivery log by default, so every delivery in the log still links to its event; the
     * audit trail, not the outbox, is the record of what changed.
     */
    @WithDefault("30d")
    Duration outboxRetention();

    /** How often old log rows and outbox events are pruned; {@code off} disables it on this instance. */
    @WithDefault("1h")
    String pruneEvery();

    /** Exponential backoff with jitter for timeouts, connection errors, 408, 429 and 5xx. */
    interface Retry {

        @WithDefault("10s")
        Duration initialDelay();

        @WithDefault("3h")
        Duration maxDelay();

        /** Retrying stops at the first failure after this long from the first attempt. */
        @WithDefault("24h")
        Duration giveUpAfter();
    }
}
