package health.cms.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One delivery in the log with every attempt: state ({@code pending}, {@code delivered}, {@code failed}),
 * the last answer, when it is tried next, and the exact body that was signed and sent.
 */
public record DeliveryView(long id, long subscriptionId, Long eventId, String messageId, String eventType, boolean test,
        Long articleId, String slug, String state, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
        String lastError, Instant createdAt, Instant finishedAt, Long redeliveryOf, String requestedBy, String payload,
        List<Attempt> attemptLog) {

    /** One attempt: when, how long, the answer, and the next retry if one is planned. */
    public record Attempt(int number, Instant startedAt, int durationMs, Integer statusCode, String outcome,
            String error, String responseBody, Instant nextRetryAt, String instance) {

        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.number(), a.startedAt(), a.durationMs(), a.statusCode(), a.outcome().value(),
                    a.error(), a.responseBody(), a.nextRetryAt(), a.instance());
        }
    }

    static DeliveryView of(WebhookDelivery d, List<DeliveryAttempt> attempts) {
        boolean pending = d.state() == WebhookDelivery.State.PENDING;
        return new DeliveryView(d.id(), d.subscriptionId(), d.eventId(), d.messageId(), d.eventType(), d.test(),
                d.articleId(), d.slug(), d.state().value(), d.attempts(), pending ? d.nextAttemptAt() : null,
                d.lastStatusCode(), d.lastError(), d.createdAt(), d.finishedAt(), d.redeliveryOf(), d.requestedBy(),
                d.payload(), attempts.stream().map(Attempt::of).toList());
    }
}
