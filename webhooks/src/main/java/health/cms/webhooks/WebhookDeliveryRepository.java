package health.cms.webhooks;

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
     * deliveries in flight over all instances. Each subscription's due deliveries are looked at on their
     * own, so one subscription's backlog never hides another's. Disabled subscriptions hold their
     * deliveries (test events excepted). Must run in its own short transaction; the requests are sent
     * after it commits.
     *
     * <p>
     * A queue table's statistics are often stale (empty at the last ANALYZE, thousands of rows a second
     * later), and a generic plan cached while the queue was empty ran the candidate search once per pending
     * row, quadratic in the backlog (31 s for 500 deliveries instead of 1 ms). So each claim is planned for
     * the queue as it is now, and the CTEs are MATERIALIZED so that no plan can repeat them.
     */
    List<Claimed> claim(String instance, String token, Instant now, Duration lease, int limit, int perSubscription,
            List<Interrupted> interrupted) {
        getEntityManager().createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                WITH busy AS MATERIALIZED (
                    SELECT subscription_id, count(*) AS n FROM webhook_delivery
                    WHERE claimed_until IS NOT NULL AND claimed_until >= :now AND state = 'pending'
                    GROUP BY subscription_id
                ), candidates AS MATERIALIZED (
                    SELECT c.id, c.next_attempt_at
                    FROM webhook_subscription s
                    LEFT JOIN busy b ON b.subscription_id = s.id
                    CROSS JOIN LATERAL (
                        SELECT d.id, d.next_attempt_at FROM webhook_delivery d
                        WHERE d.subscription_id = s.id AND d.state = 'pending' AND d.next_attempt_at <= :now
                          AND (d.claimed_until IS NULL OR d.claimed_until < :now)
                          AND (s.enabled OR d.test) AND s.secret IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                          WHERE e.subscription_id = d.subscription_id AND e.article_id = d.article_id
                                            AND e.state = 'pending' AND e.id < d.id)
                        ORDER BY d.next_attempt_at, d.id
                        LIMIT greatest(:perSubscription - coalesce(b.n, 0), 0)
                    ) c
                ), locked AS (
                    SELECT d.id, d.claimed_by AS previous_claimant, d.claimed_until AS previous_lease_end,
                           s.url, s.secret, s.previous_secret, s.previous_secret_until,
                           coalesce(e.occurred_at, d.created_at) AS occurred_at
                    FROM webhook_delivery d
                    JOIN candidates c ON c.id = d.id
                    JOIN webhook_subscription s ON s.id = d.subscription_id
                    LEFT JOIN outbox_event e ON e.id = d.event_id
                    WHERE d.state = 'pending' AND (d.claimed_until IS NULL OR d.claimed_until < :now)
                    ORDER BY c.next_attempt_at, d.id
                    LIMIT :limit
                    FOR UPDATE OF d SKIP LOCKED
                )
                UPDATE webhook_delivery d
                SET attempts = d.attempts + CASE WHEN l.previous_claimant IS NULL THEN 0 ELSE 1 END,
                    claimed_by = :instance, claim_token = :token, claimed_until = :until
                FROM locked l
                WHERE d.id = l.id
                RETURNING d.id, d.subscription_id, l.url, l.secret, l.previous_secret, l.previous_secret_until,
                          d.message_id, d.event_type, d.payload, d.attempts, d.first_attempt_at, d.test,
                          d.redelivery_of IS NOT NULL, l.occurred_at, l.previous_claimant, l.previous_lease_end""")
                .setParameter("now", now)
                .setParameter("perSubscription", perSubscription)
                .setParameter("limit", limit)
                .setParameter("instance", instance)
                .setParameter("token", token)
                .setParameter("until", now.plus(lease))
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            Claimed delivery = claimed(row, token, now);
            claimed.add(delivery);
            if (row[14] != null) {
                Interrupted lost = new Interrupted(delivery.id(), delivery.attempts(), (String) row[14],
                        Sql.instant(row[15]));
                interrupted.add(lost);
                getEntityManager().persist(new DeliveryAttempt(lost.deliveryId(), lost.number(), lost.instance(),
                        lost.leaseEnd(), 0, null, DeliveryAttempt.Outcome.INTERRUPTED,
                        "instance " + lost.instance() + " stopped before reporting a result (its lease ended at "
                                + lost.leaseEnd() + "); the receiver may or may not have seen it",
                        null, now));
            }
        }
        claimed.sort(java.util.Comparator.comparingLong(Claimed::id));
        return claimed;
    }

    /** A delivery that was created already leased to this instance (a test event the editor waits for). */
    List<Claimed> leased(long id, String token, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT d.id, d.subscription_id, s.url, s.secret, s.previous_secret, s.previous_secret_until,
                       d.message_id, d.event_type, d.payload, d.attempts, d.first_attempt_at, d.test,
                       d.redelivery_of IS NOT NULL, coalesce(e.occurred_at, d.created_at)
                FROM webhook_delivery d
                JOIN webhook_subscription s ON s.id = d.subscription_id
                LEFT JOIN outbox_event e ON e.id = d.event_id
                WHERE d.id = :id AND d.claim_token = :token""")
                .setParameter("id", id)
                .setParameter("token", token)
                .getResultList();
        return rows.stream().map(row -> claimed(row, token, now)).toList();
    }

    private static Claimed claimed(Object[] r, String token, Instant now) {
        return new Claimed(Sql.longValue(r[0]), Sql.longValue(r[1]), (String) r[2],
                WebhookSubscription.signingSecrets((String) r[3], (String) r[4], Sql.instant(r[5]), now),
                (String) r[6], (String) r[7], (String) r[8], Sql.intValue(r[9]), Sql.instant(r[10]), (Boolean) r[11],
                (Boolean) r[12], Sql.instant(r[13]), token);
    }

    /** What recording an attempt found: the lease still held, taken over by another instance, or the delivery gone. */
    enum Recorded {
        LEASE_HELD, TAKEN_OVER, GONE
    }

    /**
     * Logs an attempt and, if this instance still holds the lease, applies its outcome to the delivery
     * (one statement: this runs once per request sent). A claim that outlived its lease may have been
     * taken over by another instance; the attempt is logged all the same.
     */
    Recorded finish(Claimed claimed, RetryPolicy.Decision decision, int number, String instance, Instant startedAt,
            int durationMs, Integer statusCode, String error, String response, Instant now) {
        String state = switch (decision.verdict()) {
            case DELIVERED -> "delivered";
            case RETRY -> "pending";
            case FAILED -> "failed";
        };
        Object[] counts = (Object[]) typed("""
                WITH finished AS (
                    UPDATE webhook_delivery
                    SET state = :state, attempts = attempts + 1, next_attempt_at = coalesce(:next, next_attempt_at),
                        first_attempt_at = coalesce(first_attempt_at, :started), last_status_code = :status,
                        last_error = :error, finished_at = :finished,
                        claimed_by = NULL, claim_token = NULL, claimed_until = NULL
                    WHERE id = :id AND claim_token = :token
                    RETURNING id
                ), logged AS (
                    INSERT INTO webhook_attempt (delivery_id, number, instance, started_at, duration_ms, status_code,
                        outcome, error, response_body, next_retry_at)
                    SELECT id, :number, :instance, :started, :duration, :status, :outcome, :error, :response, :next
                    FROM webhook_delivery WHERE id = :id
                    RETURNING id
                )
                SELECT (SELECT count(*) FROM finished), (SELECT count(*) FROM logged)""")
                .setParameter("state", state)
                .setParameter("next", decision.nextAttemptAt(), Instant.class)
                .setParameter("started", startedAt)
                .setParameter("status", statusCode, Integer.class)
                .setParameter("error", error, String.class)
                .setParameter("finished", state.equals("pending") ? null : now, Instant.class)
                .setParameter("id", claimed.id())
                .setParameter("token", claimed.token())
                .setParameter("number", number)
                .setParameter("instance", instance)
                .setParameter("duration", durationMs)
                .setParameter("outcome", decision.verdict() == RetryPolicy.Verdict.RETRY
                        ? "retry"
                        : state)
                .setParameter("response", response, String.class)
                .getSingleResult();
        if (((Number) counts[0]).longValue() == 1) {
            return Recorded.LEASE_HELD;
        }
        return ((Number) counts[1]).longValue() == 1 ? Recorded.TAKEN_OVER : Recorded.GONE;
    }

    /** A native query that can bind typed nulls (PostgreSQL cannot guess the type of an untyped null). */
    private NativeQuery<?> typed(String sql) {
        return getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class);
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

    /**
     * Deletes finished deliveries (and, by cascade, their attempts) that finished before the cut-off, skipping
     * rows another transaction holds (another replica's pruner, or a redelivery being queued).
     */
    int prune(Instant finishedBefore, int batch) {
        return getEntityManager().createNativeQuery("""
                DELETE FROM webhook_delivery WHERE id IN (
                    SELECT id FROM webhook_delivery WHERE state <> 'pending' AND finished_at < :before
                    ORDER BY finished_at LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .setParameter("before", finishedBefore).setParameter("batch", batch).executeUpdate();
    }

    /** Pending deliveries over all subscriptions, and when the oldest of them was created. */
    Object[] backlog() {
        return (Object[]) getEntityManager()
                .createNativeQuery("SELECT count(*), min(created_at) FROM webhook_delivery WHERE state = 'pending'")
                .getSingleResult();
    }
}
