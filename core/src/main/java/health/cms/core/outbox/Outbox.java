package health.cms.core.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.article.Article;
import health.cms.core.article.Revision;

/**
 * Writes change events into the transactional outbox, inside the transaction of the change, so an
 * event exists exactly when the change committed (including scheduled and bulk transitions, which
 * go through the same workflow service).
 */
@ApplicationScoped
public class Outbox {

    /** The NOTIFY channel that wakes the webhook workers when an event commits (sent on commit only). */
    public static final String CHANNEL = "cms_outbox";

    /** The events downstream sites can subscribe to. */
    public enum EventType {

        ARTICLE_PUBLISHED("article.published"), ARTICLE_UPDATED("article.updated"), ARTICLE_UNPUBLISHED(
                "article.unpublished"), ARTICLE_REVIEW_DUE("article.review-due"), ARTICLE_REVIEW_OVERDUE(
                        "article.review-overdue"), CORRECTION_PUBLISHED("correction.published");

        private final String value;

        EventType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;

    Outbox(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventType type, Article article, Revision revision, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.value());
        payload.put("occurredAt", at.toString());
        payload.put("articleId", article.id());
        payload.put("slug", article.slug());
        payload.put("revision", revision == null ? null : revision.number());
        payload.put("category", revision == null ? null : revision.category().slug());
        // the language facts as they were when the event happened (a source may be renamed later)
        payload.put("locale", article.locale());
        if (article.isTranslation()) {
            Article source = article.translation().source();
            payload.put("sourceId", source.id());
            payload.put("sourceSlug", source.slug());
            payload.put("sourceLocale", source.locale());
        }
        em.createNativeQuery("""
                INSERT INTO outbox_event (event_type, article_id, slug, revision, category_slug, occurred_at, payload)
                VALUES (:type, :article, :slug, :revision, :category, :at, CAST(:payload AS jsonb))""")
                .setParameter("type", type.value())
                .setParameter("article", article.id())
                .setParameter("slug", article.slug())
                .setParameter("revision", revision == null ? null : revision.number())
                .setParameter("category", revision == null ? null : revision.category().slug())
                .setParameter("at", at)
                .setParameter("payload", toJson(payload))
                .executeUpdate();
        em.createNativeQuery("SELECT pg_notify(:channel, '')").setParameter("channel", CHANNEL).getSingleResult();
    }

    private String toJson(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The payload is a plain map", e);
        }
    }
}
