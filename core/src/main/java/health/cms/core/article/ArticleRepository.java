package health.cms.core.article;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
}
