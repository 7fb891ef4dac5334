package health.cms.admin.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Claims, leases and finishes deliveries with {@code FOR UPDATE SKIP LOCKED}, so any number of admin-ui
 * instances share the work without sending one delivery twice in normal operation.
 */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepository<WebhookDelivery> {

    /** How many due deliveries one claim looks at before ranking them per subscription. */
    private static final int CLAIM_WINDOW = 1000;

    /** A delivery this instance holds under lease, with what it needs to send it. */
    record Claimed(long id, long subscriptionId, String url, List<String> secrets, String messageId, String eventType,
            String payload, int attempts, Instant firstAttemptAt, boolean test, boolean redelivery, Instant occurredAt,
            String token) {
    }

    /** A claim found a lease that ran out: the instance holding it stopped before reporting a result. */
    record Interrupted(long deliveryId, int number, String instance, Instant leaseEnd) {
    }

    /**
     * Leases up to {@code limit} due deliveries to this instance. A delivery waits while an earlier
     * delivery of the same subscription and article is pending (in flight or waiting for a retry), so one
     * article's events arrive in order; a subscription never has more than {@code perSubscription}
     * deliveries in flight over all instances. Disabled subscriptions hold their deliveries (test events
     * excepted). Must run in its own short transaction; the requests are sent after it commits.
     */
    List<Claimed> claim(String instance, String token, Instant now, Duration lease, int limit, int perSubscription,
            List<Interrupted> interrupted) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                WITH busy AS (
                    SELECT subscription_id, count(*) AS n FROM webhook_delivery
                    WHERE state = 'pending' AND claimed_until >= :now
                    GROUP BY subscription_id
                ), due AS (
                    SELECT d.id, d.subscription_id, d.next_attempt_at
                    FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.state = 'pending' AND d.next_attempt_at <= :now
                      AND (d.claimed_until IS NULL OR d.claimed_until < :now)
                      AND (s.enabled OR d.test)
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                      WHERE e.subscription_id = d.subscription_id AND e.article_id = d.article_id
                                        AND e.state = 'pending' AND e.id < d.id)
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT :window
                ), ranked AS (
                    SELECT due.id, row_number() OVER (PARTITION BY due.subscription_id ORDER BY due.next_attempt_at, due.id)
                                   + coalesce(b.n, 0) AS slot
                    FROM due LEFT JOIN busy b ON b.subscription_id = due.subscription_id
                )
                SELECT d.id, d.claimed_by, d.claimed_until, d.attempts
                FROM webhook_delivery d JOIN ranked r ON r.id = d.id
                WHERE r.slot <= :perSubscription AND d.state = 'pending'
                  AND (d.claimed_until IS NULL OR d.claimed_until < :now)
                ORDER BY d.next_attempt_at, d.id
                LIMIT :limit
                FOR UPDATE OF d SKIP LOCKED""")
                .setParameter("now", now)
                .setParameter("window", CLAIM_WINDOW)
                .setParameter("perSubscription", perSubscription)
                .setParameter("limit", limit)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (Object[] row : rows) {
            long id = Sql.longValue(row[0]);
            ids.add(id);
            if (row[1] != null) {
                interrupted.add(new Interrupted(id, Sql.intValue(row[3]) + 1, (String) row[1], Sql.instant(row[2])));
            }
        }
        getEntityManager().createNativeQuery("""
                UPDATE webhook_delivery
                SET attempts = attempts + CASE WHEN claimed_by IS NULL THEN 0 ELSE 1 END,
                    claimed_by = :instance, claim_token = :token, claimed_until = :until
                WHERE id IN (:ids)""")
                .setParameter("instance", instance)
                .setParameter("token", token)
                .setParameter("until", now.plus(lease))
                .setParameter("ids", ids)
                .executeUpdate();
        for (Interrupted lost : interrupted) {
            getEntityManager().persist(new DeliveryAttempt(lost.deliveryId(), lost.number(), lost.instance(),
                    lost.leaseEnd(), 0, null, DeliveryAttempt.Outcome.INTERRUPTED,
                    "instance " + lost.instance() + " stopped before reporting a result (its lease ended at "
                            + lost.leaseEnd() + "); the receiver may or may not have seen it",
                    null, now));
        }
        return load(ids, token, now);
    }

    /** A delivery that was created already leased to this instance (a test event the editor waits for). */
    List<Claimed> leased(long id, String token, Instant now) {
        return load(List.of(id), token, now);
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> load(List<Long> ids, String token, Instant now) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT d.id, d.subscription_id, s.url, s.secret, s.previous_secret, s.previous_secret_until,
                       d.message_id, d.event_type, d.payload, d.attempts, d.first_attempt_at, d.test,
                       d.redelivery_of IS NOT NULL, coalesce(e.occurred_at, d.created_at)
                FROM webhook_delivery d
                JOIN webhook_subscription s ON s.id = d.subscription_id
                LEFT JOIN outbox_event e ON e.id = d.event_id
                WHERE d.id IN (:ids)
                ORDER BY d.id""")
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream().map(r -> new Claimed(Sql.longValue(r[0]), Sql.longValue(r[1]), (String) r[2],
                WebhookSubscription.signingSecrets((String) r[3], (String) r[4], Sql.instant(r[5]), now),
                (String) r[6], (String) r[7], (String) r[8], Sql.intValue(r[9]), Sql.instant(r[10]), (Boolean) r[11],
                (Boolean) r[12], Sql.instant(r[13]), token)).toList();
    }

    /**
     * Records the end of an attempt, if this instance still holds the lease (a claim that outlived its
     * lease may have been taken over; the attempt is still logged). Returns whether the lease was held.
     */
    boolean finish(Claimed claimed, RetryPolicy.Decision decision, Integer statusCode, String error, Instant startedAt,
            Instant now) {
        String state = switch (decision.verdict()) {
            case DELIVERED -> "delivered";
            case RETRY -> "pending";
            case FAILED -> "failed";
        };
        return typed("""
                UPDATE webhook_delivery
                SET state = :state, attempts = attempts + 1, next_attempt_at = coalesce(:next, next_attempt_at),
                    first_attempt_at = coalesce(first_attempt_at, :started), last_status_code = :status,
                    last_error = :error, finished_at = :finished,
                    claimed_by = NULL, claim_token = NULL, claimed_until = NULL
                WHERE id = :id AND claim_token = :token""")
                .setParameter("state", state)
                .setParameter("next", decision.nextAttemptAt(), Instant.class)
                .setParameter("started", startedAt)
                .setParameter("status", statusCode, Integer.class)
                .setParameter("error", error, String.class)
                .setParameter("finished", state.equals("pending") ? null : now, Instant.class)
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.token())
                .executeUpdate() == 1;
    }

    /** A native query that can bind typed nulls (PostgreSQL cannot guess the type of an untyped null). */
    private NativeQuery<?> typed(String sql) {
        return getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    /** Whether the delivery still exists (its subscription may have been deleted while it was in flight). */
    boolean exists(long id) {
        return count("id", id) > 0;
    }

    /** Deliveries of a subscription, newest first, keyset-paged by id. */
    List<WebhookDelivery> page(long subscriptionId, WebhookDelivery.State state, Long beforeId, int limit) {
        StringBuilder query = new StringBuilder("subscriptionId = :subscription");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("subscription", subscriptionId));
        if (state != null) {
            query.append(" and state = :state");
            params.put("state", state.value());
        }
        if (beforeId != null) {
            query.append(" and id < :before");
            params.put("before", beforeId);
        }
        return find(query + " order by id desc", params).page(0, limit).list();
    }

    Map<Long, List<DeliveryAttempt>> attemptsOf(List<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("from DeliveryAttempt a where a.deliveryId in :ids order by a.deliveryId, a.number, a.id",
                        DeliveryAttempt.class)
                .setParameter("ids", deliveryIds).getResultList().stream()
                .collect(Collectors.groupingBy(DeliveryAttempt::deliveryId));
    }

    long pending(long subscriptionId) {
        return count("subscriptionId = ?1 and state = 'pending'", subscriptionId);
    }

    /** Sends a re-enabled subscription's held deliveries now, each with a fresh retry window. */
    void resumeHeld(long subscriptionId, Instant now) {
        getEntityManager().createNativeQuery("""
                UPDATE webhook_delivery SET next_attempt_at = :now, first_attempt_at = NULL
                WHERE subscription_id = :id AND state = 'pending'""")
                .setParameter("id", subscriptionId).setParameter("now", now).executeUpdate();
    }

    /** Deletes finished deliveries (and, by cascade, their attempts) that finished before the cut-off. */
    int prune(Instant finishedBefore, int batch) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM webhook_delivery WHERE id IN (
                    SELECT id FROM webhook_delivery WHERE state <> 'pending' AND finished_at < :before LIMIT :batch)""")
                .setParameter("before", finishedBefore).setParameter("batch", batch).executeUpdate();
    }

    /** Pending deliveries over all subscriptions, and when the oldest of them was created. */
    Object[] backlog() {
        return (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(*), min(created_at) FROM webhook_delivery WHERE state = 'pending'")
                .getSingleResult();
    }
}
