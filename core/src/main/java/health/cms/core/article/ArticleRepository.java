package health.cms.core.article;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores articles. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The article with this slug, only if it has a live revision. */
    public Optional<Article> findLiveBySlug(String slug) {
        return find("slug = ?1 and liveRevision is not null", slug).firstResultOptional();
    }

    /** The translations of a source article, by locale. */
    public List<Article> translationsOf(Article source) {
        return list("translation.source = ?1 order by locale", source);
    }

    /** The source article's translation into this locale, if there is one. */
    public Optional<Article> translationOf(Article source, String locale) {
        return find("translation.source = ?1 and locale = ?2", source, locale).firstResultOptional();
    }

    /** The source's live translations, their rows locked (after the source's) for a change of their flags. */
    public List<Article> lockLiveTranslationsOf(Article source) {
        return find("translation.source = ?1 and liveRevision is not null order by id", source)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
