package health.cms.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What happens after an attempt: 2xx is delivered; timeouts, connection errors, 408, 429 and 5xx are
 * retried with exponential backoff and jitter until at least {@code giveUpAfter} has passed since the
 * first attempt; any other answer (3xx, 4xx) fails at once, and 410 Gone also disables the subscription.
 * Test events are tried once.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, Duration giveUpAfter) {

    /** The verdict on one attempt. */
    public enum Verdict {
        DELIVERED, RETRY, FAILED
    }

    /** The verdict, when to try again (for RETRY), why (for failures), and whether to disable the subscription. */
    public record Decision(Verdict verdict, Instant nextAttemptAt, String reason, boolean disableSubscription) {
    }

    static RetryPolicy of(WebhooksConfig config) {
        return new RetryPolicy(config.retry().initialDelay(), config.retry().maxDelay(), config.retry().giveUpAfter());
    }

    public Decision decide(WebhookSender.Result result, int attempt, Instant firstAttemptAt, Instant now, boolean test) {
        if (result.accepted()) {
            return new Decision(Verdict.DELIVERED, null, null, false);
        }
        String reason = result.describe();
        if (!result.retryable()) {
            return new Decision(Verdict.FAILED, null, reason, result.gone());
        }
        if (test) {
            return new Decision(Verdict.FAILED, null, reason + " (test events are not retried)", false);
        }
        if (!now.isBefore(firstAttemptAt.plus(giveUpAfter))) {
            return new Decision(Verdict.FAILED, null,
                    reason + "; gave up after " + attempt + " attempts since " + firstAttemptAt, false);
        }
        Duration delay = delay(attempt);
        if (result.retryAfter() != null && result.retryAfter().compareTo(delay) > 0) {
            delay = result.retryAfter().compareTo(maxDelay) > 0 ? maxDelay : result.retryAfter();
        }
        return new Decision(Verdict.RETRY, now.plus(delay), reason, false);
    }

    /** initialDelay doubled per attempt, capped at maxDelay, spread by +-25% so receivers are not hit in waves. */
    Duration delay(int attempt) {
        long base = initialDelay.toMillis();
        long capped = maxDelay.toMillis();
        long exponential = attempt >= 40 ? capped : Math.min(capped, base << Math.max(0, attempt - 1));
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, (long) (exponential * jitter)));
    }
}
