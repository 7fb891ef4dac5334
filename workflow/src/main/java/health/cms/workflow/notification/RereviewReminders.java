package health.cms.workflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.review.SignOff;
import health.cms.core.review.SignOffRepository;
import health.cms.workflow.review.ReviewStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Tells the reviewer of record, weekly, about live articles whose re-review is due within 30 days or overdue.
 * Articles are claimed in batches with {@code FOR UPDATE SKIP LOCKED}, so instances running the sweep at the
 * same time share the work, and a reminder of the last seven days is never repeated.
 */
@ApplicationScoped
public class RereviewReminders {

    private static final int BATCH = 200;

    private final ArticleRepository articles;
    private final SignOffRepository signOffs;
    private final NotificationRules rules;
    private final Clock clock;

    RereviewReminders(ArticleRepository articles, SignOffRepository signOffs, NotificationRules rules, Clock clock) {
        this.articles = articles;
        this.signOffs = signOffs;
        this.rules = rules;
        this.clock = clock;
    }

    /** Writes every reminder owed now; returns how many. */
    public int remind() {
        int written = 0;
        long after = 0;
        while (true) {
            long from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(from, clock.instant()));
            written += batch.written();
            if (batch.last() == null) {
                return written;
            }
            after = batch.last();
        }
    }

    private record Batch(Long last, int written) {
    }

    @SuppressWarnings("unchecked")
    private Batch batch(long after, Instant now) {
        List<Number> ids = articles.getEntityManager().createNativeQuery("""
                SELECT id FROM article
                WHERE id > :after AND live_revision_id IS NOT NULL AND next_review_due <= :dueSoonFrom
                ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .setParameter("after", after)
                .setParameter("dueSoonFrom", now.plus(ReviewStatus.DUE_SOON_WINDOW))
                .setParameter("limit", BATCH)
                .getResultList();
        int written = 0;
        for (Number id : ids) {
            Article article = articles.findById(id.longValue());
            String reviewer = signOffs.latestApproval(article.liveRevision()).map(SignOff::reviewerUser).orElse(null);
            if (reviewer != null
                    && rules.remind(article, reviewer, ReviewStatus.of(article.nextReviewDue(), now) == ReviewStatus.OVERDUE)) {
                written++;
            }
        }
        return new Batch(ids.isEmpty() ? null : ids.get(ids.size() - 1).longValue(), written);
    }
}
