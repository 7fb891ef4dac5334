package health.cms.admin.translation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.article.Revision;
import health.cms.core.diff.RevisionDiff;
import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;

/**
 * What the desk shows about translations: an article's languages with their state, the source beside a
 * translation section by section with what changed in the source since the translation's base, and the live
 * translations whose source moved on (the "translations to update" queue and its dashboard count).
 */
@ApplicationScoped
public class TranslationDesk {

    /** At most this many outdated translations are listed at once. */
    static final int QUEUE_LIMIT = 200;

    private final ArticleRepository articles;
    private final Locales locales;

    TranslationDesk(ArticleRepository articles, Locales locales) {
        this.articles = articles;
        this.locales = locales;
    }

    /** One language of an article as the desk lists it. */
    public record Row(long id, String locale, String slug, String title, String status, boolean live,
            boolean outdated, Instant sourceChangedAt, String sourceChangeClass, int baseRevision) {

        static Row of(Article article) {
            var translation = article.translation();
            return new Row(article.id(), article.locale(), article.slug(), article.workingRevision().title(),
                    article.status().value(), article.isLive(), translation != null && translation.outdated(),
                    translation == null ? null : translation.sourceChangedAt(),
                    translation == null ? null : translation.sourceChangeClass(),
                    translation == null ? 0 : translation.base().number());
        }
    }

    /** One heading's section of the source beside the same section of the translation (by position). */
    public record SectionPair(String sourceHeading, String sourceText, String heading, String text) {
    }

    /**
     * An article and its languages. For a source: its translations and the locales still open to a translation.
     * For a translation: its source, and the source's sections beside its own and the source's changes since its
     * base (null when there are none).
     */
    public record Family(Row article, long version, Row source, List<Row> translations, List<String> openLocales,
            List<SectionPair> sections, RevisionDiff.Result sourceChanges, int sourceRevision) {

        public boolean isTranslation() {
            return source != null;
        }
    }

    @Transactional
    public Family family(long id) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("Article " + id));
        if (!article.isTranslation()) {
            List<Article> translations = articles.translationsOf(article);
            List<String> open = new ArrayList<>(locales.available());
            open.remove(article.locale());
            translations.forEach(t -> open.remove(t.locale()));
            return new Family(Row.of(article), article.version(), null, translations.stream().map(Row::of).toList(),
                    open, List.of(), null, 0);
        }
        Article source = article.translation().source();
        Revision sourceText = source.isLive() ? source.liveRevision() : source.workingRevision();
        Revision base = article.translation().base();
        RevisionDiff.Result changes = base.id().equals(sourceText.id()) ? null : RevisionDiff.between(base, sourceText);
        return new Family(Row.of(article), article.version(), Row.of(source), List.of(), List.of(),
                Sections.pair(sourceText.bodyMarkdown(), article.workingRevision().bodyMarkdown()), changes,
                sourceText.number());
    }

    /**
     * An article's languages without the texts (the management API's answer): the article, its source when it is a
     * translation, every translation of the source (the whole family) and the locales still open to a translation.
     */
    public record Languages(Row article, Row source, List<Row> translations, List<String> openLocales) {
    }

    @Transactional
    public Languages languages(long id) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> Refusal.notFound("Article " + id));
        Article source = article.isTranslation() ? article.translation().source() : article;
        List<Article> translations = articles.translationsOf(source);
        List<String> open = new ArrayList<>();
        if (!article.isTranslation()) {
            open.addAll(locales.available());
            open.remove(article.locale());
            translations.forEach(t -> open.remove(t.locale()));
        }
        return new Languages(Row.of(article), article.isTranslation() ? Row.of(source) : null,
                translations.stream().map(Row::of).toList(), open);
    }

    /** The live translations whose source changed factually or clinically since their base, oldest change first. */
    @Transactional
    public List<Row> outdated() {
        return outdated(0, QUEUE_LIMIT);
    }

    /** A page of {@link #outdated()}. */
    @Transactional
    public List<Row> outdated(int offset, int rows) {
        return articles.find(
                "translation.sourceChangedAt IS NOT NULL AND liveRevision IS NOT NULL ORDER BY translation.sourceChangedAt, id")
                .range(offset, offset + rows - 1).list().stream().map(Row::of).toList();
    }

    /** How many live translations wait for an update (the dashboard's count). */
    @Transactional
    public long outdatedCount() {
        return articles.count("translation.sourceChangedAt IS NOT NULL AND liveRevision IS NOT NULL");
    }
}
