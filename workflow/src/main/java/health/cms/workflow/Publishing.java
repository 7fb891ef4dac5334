package health.cms.workflow;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleStatus;
import health.cms.core.article.Revision;
import health.cms.core.correction.ChangeClass;
import health.cms.core.correction.Correction;
import health.cms.core.correction.CorrectionRepository;
import health.cms.core.outbox.Outbox;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.SignOffRepository;
import health.cms.workflow.publication.PublicationProjector;
import health.cms.workflow.review.ReviewStatus;

/** Puts a signed-off revision live or takes an article offline, for a person's action and the scheduler alike. */
@ApplicationScoped
class Publishing {

    private final SignOffRepository signOffs;
    private final CorrectionRepository corrections;
    private final PublicationProjector publication;
    private final Outbox outbox;
    private final ArticleChanges changes;
    private final Translations translations;
    private final Clock clock;

    Publishing(SignOffRepository signOffs, CorrectionRepository corrections, PublicationProjector publication,
            Outbox outbox, ArticleChanges changes, Translations translations, Clock clock) {
        this.signOffs = signOffs;
        this.corrections = corrections;
        this.publication = publication;
        this.outbox = outbox;
        this.changes = changes;
        this.translations = translations;
        this.clock = clock;
    }

    /** Invariant 2: the working revision goes live only with an approval of exactly its text. */
    void goLive(Actor actor, Article article, EditorialAction action, ChangeClass changeClass, String correctionNote,
            String comment) {
        Revision working = article.workingRevision();
        boolean signedOff = signOffs.latestApproval(working).map(s -> s.approves(working)).orElse(false);
        if (!signedOff) {
            throw Refusal.conflict("Revision " + working.number() + " has no medical sign-off of its exact text");
        }
        Instant now = clock.instant();
        ArticleStatus from = article.status();
        boolean replacesLive = article.firstPublishedAt() != null;
        boolean wasLive = article.isLive();
        article.goLive(now, ReviewStatus.nextDue(now, working.category().reviewIntervalMonths()));
        if (replacesLive && changeClass != null) {
            corrections.persist(new Correction(article, working, changeClass, correctionNote, now));
            if (changeClass.needsPublicNote()) {
                outbox.record(Outbox.EventType.CORRECTION_PUBLISHED, article, working, now);
            }
        }
        changes.record(actor, action, article, working, from, ArticleStatus.PUBLISHED, comment);
        translations.wentLive(actor, article, replacesLive ? changeClass : null, now);
        publication.publish(article, now, true);
        if (!wasLive) {
            publication.languagesChanged(article, now);
        }
        outbox.record(wasLive ? Outbox.EventType.ARTICLE_UPDATED : Outbox.EventType.ARTICLE_PUBLISHED, article, working,
                now);
    }

    /** Refreshes the public entry of a recertified article (its review dates), without a new version. */
    void publishRecertified(Article article, Instant now) {
        publication.publish(article, now, false);
    }

    /** Takes the live revision off the public API; a working revision in progress stays where it is. */
    void takeOffline(Actor actor, Article article, String comment) {
        Revision wasLive = article.liveRevision();
        ArticleStatus from = article.status();
        article.takeOffline(clock.instant());
        changes.record(actor, EditorialAction.UNPUBLISH, article, wasLive, from, article.status(), comment);
        publication.withdraw(article);
        publication.languagesChanged(article, clock.instant());
        outbox.record(Outbox.EventType.ARTICLE_UNPUBLISHED, article, wasLive, clock.instant());
    }
}
