package health.cms.webhooks;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Stores subscriptions. The health writes below come from the delivery workers: they leave the version
 * alone (an editor's concurrent edit is not refused because a delivery succeeded), except an automatic
 * disablement, which moves the version so that an editor's stale "enabled" cannot undo it unseen.
 */
@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepository<WebhookSubscription> {

    /** Ends a failure streak; the success time is written at most once a second per subscription. */
    void recordSuccess(long id, Instant now) {
        getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription SET last_success_at = :now, failing_since = NULL
                WHERE id = :id AND (failing_since IS NOT NULL OR last_success_at IS NULL
                                    OR last_success_at < CAST(:now AS timestamptz) - INTERVAL '1 second')""")
                .setParameter("id", id).setParameter("now", now).executeUpdate();
    }

    /** Starts or continues a failure streak; returns when it started (null if the subscription is gone). */
    Instant recordFailure(long id, Instant now) {
        List<?> since = getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription SET failing_since = coalesce(failing_since, :now)
                WHERE id = :id RETURNING failing_since""")
                .setParameter("id", id).setParameter("now", now).getResultList();
        return since.isEmpty() ? null : Sql.instant(since.get(0));
    }

    /** Disables an enabled subscription with a reason a person can read; returns whether it was enabled. */
    boolean disable(long id, String reason, Instant now) {
        return getEntityManager().createNativeQuery("""
                UPDATE webhook_subscription
                SET enabled = FALSE, disabled_reason = :reason, disabled_at = :now, updated_at = :now, version = version + 1
                WHERE id = :id AND enabled""")
                .setParameter("id", id).setParameter("reason", reason).setParameter("now", now).executeUpdate() == 1;
    }
}
