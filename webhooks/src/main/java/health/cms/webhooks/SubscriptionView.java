package health.cms.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the desk and the management API show it. The secret is never part of it: it is
 * shown once, in {@link IssuedSecret}, when created or rotated.
 */
public record SubscriptionView(long id, String url, String description, List<String> eventTypes,
        List<String> categories, boolean enabled, String disabledReason, Instant disabledAt, Instant failingSince,
        Instant lastSuccessAt, Instant previousSecretValidUntil, long pendingDeliveries, String createdBy,
        Instant createdAt, Instant updatedAt, long version, boolean hasSecret) {

    static SubscriptionView of(WebhookSubscription s, long pending) {
        return new SubscriptionView(s.id(), s.url(), s.description(), s.eventTypes(), s.categories(), s.enabled(),
                s.disabledReason(), s.disabledAt(), s.failingSince(), s.lastSuccessAt(), s.previousSecretUntil(), pending,
                s.createdBy(), s.createdAt(), s.updatedAt(), s.version(), s.hasSecret());
    }
}
