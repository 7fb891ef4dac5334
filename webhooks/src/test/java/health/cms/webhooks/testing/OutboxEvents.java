package health.cms.webhooks.testing;

import java.time.Clock;

import jakarta.persistence.EntityManager;

import health.cms.core.outbox.Outbox;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Outbox events written as core's {@link Outbox} writes them (a row, and a NOTIFY sent on commit), for an
 * article row made here, so the engine is tested without the workflow.
 */
public final class OutboxEvents {

    /** The category of {@link #published}. */
    public static final String CATEGORY = "treatments-therapies";

    private OutboxEvents() {
    }

    /** A new article row (a draft; the engine reads only its id and slug) with an article.published event. */
    public static Article published(String slug) {
        Article article = article(slug);
        article.emit(Outbox.EventType.ARTICLE_PUBLISHED, 1, CATEGORY);
        return article;
    }

    /** A new article row without events. */
    public static Article article(String slug) {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery("""
                INSERT INTO article (slug, status, created_at, updated_at) VALUES (:slug, 'draft', now(), now())
                RETURNING id""").setParameter("slug", slug).getSingleResult()).longValue());
        return new Article(id, slug);
    }

    /** A new article row in {@code locale} translated from {@code source}, without events. */
    public static Article translation(String slug, String locale, Article source) {
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery("""
                INSERT INTO article (slug, status, created_at, updated_at, locale, translation_of)
                VALUES (:slug, 'draft', now(), now(), :locale, :source) RETURNING id""").setParameter("slug", slug)
                .setParameter("locale", locale).setParameter("source", source.id()).getSingleResult()).longValue());
        return new Article(id, slug);
    }

    /** An article row of the test; {@link #emit} records one event of it in its own transaction. */
    public record Article(long id, String slug) {

        public void emit(Outbox.EventType type, Integer revision, String category) {
            emit(type, revision, category, "{}");
        }

        /** An event whose outbox payload is {@code payload} (JSON), as core's outbox writes the event's facts. */
        public void emit(Outbox.EventType type, Integer revision, String category, String payload) {
            QuarkusTransaction.requiringNew().run(() -> emitInCurrentTransaction(type, revision, category, payload));
        }

        /** Records the event in the caller's transaction: it exists only if that transaction commits. */
        public void emitInCurrentTransaction(Outbox.EventType type, Integer revision, String category) {
            emitInCurrentTransaction(type, revision, category, "{}");
        }

        private void emitInCurrentTransaction(Outbox.EventType type, Integer revision, String category, String payload) {
            em().createNativeQuery("""
                    INSERT INTO outbox_event (event_type, article_id, slug, revision, category_slug, occurred_at, payload)
                    VALUES (:type, :article, :slug, :revision, :category, :at, CAST(:payload AS jsonb))""")
                    .setParameter("payload", payload)
                    .setParameter("type", type.value())
                    .setParameter("article", id)
                    .setParameter("slug", slug)
                    .setParameter("revision", revision)
                    .setParameter("category", category)
                    .setParameter("at", Arc.container().instance(Clock.class).get().instant())
                    .executeUpdate();
            em().createNativeQuery("SELECT pg_notify(:channel, '')").setParameter("channel", Outbox.CHANNEL)
                    .getSingleResult();
        }
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
