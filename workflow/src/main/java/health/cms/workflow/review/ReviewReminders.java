package health.cms.workflow.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Announces the re-review milestones of live articles through the outbox: {@code article.review-due}
 * when an article enters its due-soon window and {@code article.review-overdue} when its due date
 * passes. Each is emitted once per review cycle (a recertification or a new live revision starts a new
 * cycle with a new due date), however many instances run the sweep at the same time.
 */
@ApplicationScoped
public class ReviewReminders {

    private static final int BATCH = 500;

    private final ArticleRepository articles;
    private final Outbox outbox;
    private final Clock clock;

    ReviewReminders(ArticleRepository articles, Outbox outbox, Clock clock) {
        this.articles = articles;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Emits every milestone reached and not announced yet, one article per transaction; returns how many. */
    public int emitReached() {
        int emitted = 0;
        List<Long> candidates;
        do {
            Instant now = clock.instant();
            candidates = QuarkusTransaction.requiringNew().call(() -> candidates(now));
            int before = emitted;
            for (Long id : candidates) {
                if (QuarkusTransaction.requiringNew().call(() -> emit(id, now))) {
                    emitted++;
                }
            }
            if (emitted == before) {
                // every candidate was announced by another instance in the meantime
                return emitted;
            }
        } while (candidates.size() == BATCH);
        return emitted;
    }

    @SuppressWarnings("unchecked")
    private List<Long> candidates(Instant now) {
        List<Number> ids = articles.getEntityManager().createNativeQuery("""
                SELECT a.id FROM article a
                WHERE a.live_revision_id IS NOT NULL AND a.next_review_due <= :dueSoonFrom
                  AND NOT EXISTS (SELECT 1 FROM review_notice n
                                  WHERE n.article_id = a.id AND n.due_at = a.next_review_due
                                    AND n.kind = CASE WHEN a.next_review_due <= :now THEN 'overdue' ELSE 'due' END)
                ORDER BY a.next_review_due, a.id
                LIMIT :limit""")
                .setParameter("dueSoonFrom", now.plus(ReviewStatus.DUE_SOON_WINDOW))
                .setParameter("now", now)
                .setParameter("limit", BATCH)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The article row is locked first, so the event's place in the outbox follows the article's own
     * changes (webhooks deliver one article's events in outbox order).
     */
    private boolean emit(long articleId, Instant now) {
        Article article = articles.findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (article == null || !article.isLive() || article.nextReviewDue() == null) {
            return false;
        }
        ReviewStatus status = ReviewStatus.of(article.nextReviewDue(), now);
        if (status == ReviewStatus.CURRENT) {
            return false;
        }
        boolean overdue = status == ReviewStatus.OVERDUE;
        int inserted = articles.getEntityManager().createNativeQuery("""
                INSERT INTO review_notice (article_id, due_at, kind, emitted_at) VALUES (:article, :due, :kind, :now)
                ON CONFLICT DO NOTHING""")
                .setParameter("article", articleId)
                .setParameter("due", article.nextReviewDue())
                .setParameter("kind", overdue ? "overdue" : "due")
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        outbox.record(overdue ? Outbox.EventType.ARTICLE_REVIEW_OVERDUE : Outbox.EventType.ARTICLE_REVIEW_DUE, article,
                article.liveRevision(), now);
        return true;
    }
}
