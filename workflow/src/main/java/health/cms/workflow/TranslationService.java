package health.cms.workflow;

import static health.cms.workflow.ArticleChanges.requireRole;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.article.RevisionRepository;
import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;

/**
 * The door for translations: starting one of a source article in another configured locale, and saving a
 * translation's edit together with the source revision it now follows. A translation is an article of its own,
 * so everything else (review, sign-off, scheduling, corrections) is the same door as for any article.
 */
@ApplicationScoped
public class TranslationService {

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final DraftingService drafting;
    private final Locales locales;

    TranslationService(ArticleRepository articles, RevisionRepository revisions, DraftingService drafting,
            Locales locales) {
        this.articles = articles;
        this.revisions = revisions;
        this.drafting = drafting;
        this.locales = locales;
    }

    /**
     * Starts the translation of a source article into {@code locale}, made from the source's live revision (its
     * working one while it never went live), as a draft with its own slug.
     */
    @Transactional
    public Article translate(Actor actor, long sourceId, String locale, ArticleInput input) {
        return translate(actor, sourceId, locale, base -> input);
    }

    /**
     * Starts a translation as a copy of the source text it is made from (byline, category, tags and references
     * shared), under its own slug and title, for the translator to translate section by section.
     */
    @Transactional
    public Article startFromSource(Actor actor, long sourceId, String locale, String slug, String title) {
        return translate(actor, sourceId, locale, base -> ArticleInput.copyOf(base, slug, title,
                "Translation into " + locale + " of revision " + base.number()));
    }

    private Article translate(Actor actor, long sourceId, String locale, Function<Revision, ArticleInput> inputOf) {
        requireRole(actor, Role.WRITER, "translate articles");
        // the source's row lock makes two translators of one locale take turns: the second gets a message
        Article source = articles.findByIdOptional(sourceId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Refusal.notFound("Article " + sourceId));
        if (source.isTranslation()) {
            throw Refusal.invalid(Map.of("source", "is itself a translation (of "
                    + source.translation().source().slug() + "); translate its source article"));
        }
        String tag = locales.configured(locale).orElseThrow(() -> Refusal.invalid(
                Map.of("locale", "must be one of the configured locales " + String.join(", ", locales.available()))));
        if (tag.equals(source.locale())) {
            throw Refusal.invalid(Map.of("locale", "is the locale of the source article itself"));
        }
        if (articles.translationOf(source, tag).isPresent()) {
            throw Refusal.invalid(Map.of("locale", "the article already has a " + tag + " translation"));
        }
        Revision base = source.isLive() ? source.liveRevision() : source.workingRevision();
        ArticleInput input = inputOf.apply(base);
        return drafting.create(actor, input, now -> Article.translationOf(base, input.slug(), tag, now),
                DraftingAction.TRANSLATE, "translation of " + source.slug() + " revision " + base.number() + " into " + tag);
    }

    /**
     * Saves an edit of a translation made from the source's revision {@code sourceRevision} (the one its
     * editor showed): the translation follows that revision from now on. A base never moves backwards.
     */
    @Transactional
    public Article edit(Actor actor, long translationId, long expectedVersion, ArticleInput input, int sourceRevision) {
        Article edited = drafting.edit(actor, translationId, expectedVersion, input);
        if (!edited.isTranslation()) {
            throw Refusal.invalid(Map.of("sourceRevision", "only a translation follows a source revision"));
        }
        Article source = edited.translation().source();
        Revision base = edited.translation().base();
        if (sourceRevision != base.number()) {
            Revision newBase = revisions.findByNumber(source, sourceRevision)
                    .filter(revision -> revision.number() > base.number())
                    .orElseThrow(() -> Refusal.invalid(Map.of("sourceRevision", "must be a revision of "
                            + source.slug() + " from " + base.number() + " on (this translation's base)")));
            edited.rebaseTranslation(newBase, edited.updatedAt());
        }
        return edited;
    }

    /** A source article's translations, by locale. */
    public List<Article> translationsOf(Article source) {
        return articles.translationsOf(source);
    }
}
