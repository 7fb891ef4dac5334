package health.cms.webhooks;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Turns committed outbox events into deliveries, one per matching subscription (event type and
 * category filter), in outbox order. One instance at a time does this (a transaction-scoped advisory
 * lock): with two running side by side, a later event of an article could get its delivery committed
 * before an earlier one, and be sent first.
 */
@ApplicationScoped
public class OutboxFanOut {

    private static final long FAN_OUT_LOCK = 0x5745_4248_4f4fL;
    private static final int BATCH = 500;

    private final EntityManager em;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookEvents events;
    private final Clock clock;

    OutboxFanOut(EntityManager em, WebhookSubscriptionRepository subscriptions, WebhookEvents events, Clock clock) {
        this.em = em;
        this.subscriptions = subscriptions;
        this.events = events;
        this.clock = clock;
    }

    /** Fans out every waiting event; returns how many events it handled (0 if another instance is at it). */
    public int fanOut() {
        return Batches.inShortTransactions(BATCH, this::batch);
    }

    private record Event(long id, String type, long articleId, String slug, Integer revision, String category,
            Instant occurredAt, String locale, WebhookEvents.Source source) {
    }

    private record Row(long subscriptionId, Event event, String payload) {
    }

    private int batch() {
        boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + FAN_OUT_LOCK + ")")
                .getSingleResult();
        if (!locked) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.event_type, e.article_id, e.slug, e.revision, e.category_slug, e.occurred_at,
                    coalesce(e.payload->>'locale', a.locale),
                    coalesce(CAST(e.payload->>'sourceId' AS BIGINT), s.id),
                    coalesce(e.payload->>'sourceSlug', s.slug),
                    coalesce(e.payload->>'sourceLocale', s.locale)
                FROM outbox_event e
                LEFT JOIN article a ON a.id = e.article_id
                -- events recorded before they carried their language facts take them from the article
                LEFT JOIN article s ON s.id = a.translation_of
                WHERE e.fanned_out_at IS NULL ORDER BY e.id LIMIT :batch""")
                .setParameter("batch", BATCH).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<WebhookSubscription> all = subscriptions.listAll();
        List<Row> deliveries = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Object[] r : rows) {
            WebhookEvents.Source source = r[8] == null
                    ? null
                    : new WebhookEvents.Source(Sql.longValue(r[8]), (String) r[9], (String) r[10]);
            Event event = new Event(Sql.longValue(r[0]), (String) r[1], Sql.longValue(r[2]), (String) r[3],
                    Sql.intValue(r[4]), (String) r[5], Sql.instant(r[6]), r[7] == null ? null : (String) r[7], source);
            ids.add(event.id());
            String payload = null;
            for (WebhookSubscription subscription : all) {
                // a subscription hears of events from its creation on; disabled ones queue them and hold them
                if (subscription.wants(event.type(), event.category())
                        && !event.occurredAt().isBefore(subscription.createdAt())) {
                    if (payload == null) {
                        payload = events.articleBody(event.type(), event.occurredAt(), event.articleId(), event.slug(),
                                event.locale(), event.revision(), event.category(), event.source());
                    }
                    deliveries.add(new Row(subscription.id(), event, payload));
                }
            }
        }
        Instant now = clock.instant();
        insert(deliveries, now);
        em.createNativeQuery("UPDATE outbox_event SET fanned_out_at = :now WHERE id IN (:ids)")
                .setParameter("now", now).setParameter("ids", ids).executeUpdate();
        return rows.size();
    }

    /** One JDBC batch, in event order, so delivery ids follow the outbox order within each article. */
    private void insert(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO webhook_delivery (subscription_id, event_id, message_id, event_type, article_id, slug,
                        payload, state, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)""")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                for (Row row : rows) {
                    insert.setLong(1, row.subscriptionId());
                    insert.setLong(2, row.event().id());
                    insert.setString(3, "msg_" + row.event().id());
                    insert.setString(4, row.event().type());
                    insert.setLong(5, row.event().articleId());
                    insert.setString(6, row.event().slug());
                    insert.setString(7, row.payload());
                    insert.setObject(8, at);
                    insert.setObject(9, at);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
