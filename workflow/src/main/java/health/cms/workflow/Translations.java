package health.cms.workflow;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.correction.ChangeClass;
import health.cms.core.correction.Correction;
import health.cms.core.correction.CorrectionRepository;
import health.cms.workflow.publication.PublicationProjector;

/**
 * Keeps translations' outdated flags true whenever an article goes live. A source's factual or clinical change
 * flags each live translation (stored, with the change's date and strongest class, and in its public entry); a
 * translation going live is current again when no such change of its source came after the revision it was made
 * from. Nothing is unpublished: readers keep the translation, with a notice their site can show.
 */
@ApplicationScoped
class Translations {

    private final ArticleRepository articles;
    private final CorrectionRepository corrections;
    private final PublicationProjector publication;
    private final ArticleChanges changes;

    Translations(ArticleRepository articles, CorrectionRepository corrections, PublicationProjector publication,
            ArticleChanges changes) {
        this.articles = articles;
        this.corrections = corrections;
        this.publication = publication;
        this.changes = changes;
    }

    /** Called when an article's working revision went live (in the same transaction, before its projection). */
    void wentLive(Actor actor, Article article, ChangeClass changeClass, Instant now) {
        if (article.isTranslation()) {
            recheck(article, now);
        } else if (changeClass != null && changeClass.outdatesTranslations()) {
            for (Article translation : articles.lockLiveTranslationsOf(article)) {
                ChangeClass before = translation.translation().outdated()
                        ? ChangeClass.fromValue(translation.translation().sourceChangeClass())
                        : null;
                translation.markSourceChanged(now, ChangeClass.strongest(before, changeClass).value(), now);
                changes.record(actor, DraftingAction.SOURCE_CHANGED, translation, translation.liveRevision(),
                        translation.status(), translation.status(), article.slug() + " revision "
                                + article.liveRevision().number() + " went live with a " + changeClass.value()
                                + " change; this translation is outdated until it is updated");
                publication.publish(translation, now, false);
            }
        }
    }

    /** Sets a translation's flag from its source's outdating corrections since the base of its live text. */
    private void recheck(Article translation, Instant now) {
        Article source = translation.translation().source();
        List<Correction> since = corrections.outdatingSince(source, translation.translation().base().number());
        if (since.isEmpty()) {
            translation.markTranslationCurrent(now);
            return;
        }
        ChangeClass strongest = null;
        for (Correction correction : since) {
            strongest = ChangeClass.strongest(strongest, correction.changeClass());
        }
        translation.markSourceChanged(since.get(since.size() - 1).publishedAt(), strongest.value(), now);
    }
}
