package health.cms.workflow;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.audit.AuditLog;
import health.cms.core.refusal.Refusal;

/**
 * What every change to an article shares: loading it under its row lock, and recording the change in the audit
 * trail, and telling the rest of the workflow (the notifications) within the same transaction.
 */
@ApplicationScoped
class ArticleChanges {

    private final ArticleRepository articles;
    private final AuditLog audit;
    private final Event<ArticleChanged> changed;
    private final Clock clock;

    ArticleChanges(ArticleRepository articles, AuditLog audit, Event<ArticleChanged> changed, Clock clock) {
        this.articles = articles;
        this.audit = audit;
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Loads the article for a change: its row is locked first (as the scheduler does), then the version
     * checked. Two people changing one article at once take turns, and the second finds the version the
     * first left and is refused as stale, naming who changed it. Without the lock both passed the check
     * and the loser only failed later, somewhere inside the change: at the revision number the winner took
     * (a 500) or at a flush in the middle of the audit (which ended a bulk approval halfway).
     */
    Article loadForUpdate(long articleId, long expectedVersion) {
        Article article = lock(articleId);
        if (article.version() != expectedVersion) {
            throw stale(article);
        }
        return article;
    }

    /** Locks the article's row without a version check: the scheduler acts on whatever version is there. */
    Article lock(long articleId) {
        return articles.findByIdOptional(articleId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("Article " + articleId));
    }

    /** Flushes now so a concurrent commit surfaces as a clear stale-version refusal, not a 500. */
    Article flushed(Article article) {
        try {
            articles.flush();
        } catch (OptimisticLockException | StaleStateException e) {
            throw Refusal.stale("Someone else changed this article at the same moment; reload it and try again");
        }
        return article;
    }

    void record(Actor actor, AuditedAction action, Article article, Revision revision, ArticleStatus from,
            ArticleStatus to, String comment) {
        audit.append(new AuditLog.Entry(clock.instant(), actor.username(), action.value(), article.id(),
                revision == null ? null : revision.id(), from == null ? null : from.value(), to == null ? null : to.value(),
                comment));
        changed.fire(new ArticleChanged(actor, action, article, to));
    }

    static void requireRole(Actor actor, Role role, String what) {
        if (!actor.has(role)) {
            throw Refusal.forbidden("You need the " + role.value() + " role to " + what);
        }
    }

    private Refusal stale(Article article) {
        var last = audit.latestFor(article.id());
        String who = last.map(event -> event.actor()).orElse("someone else");
        String when = last.map(event -> String.valueOf(event.occurredAt())).orElse(String.valueOf(article.updatedAt()));
        return Refusal.stale("This article was changed by " + who + " at " + when
                + " (now version " + article.version() + "); reload it and apply your changes again");
    }
}
