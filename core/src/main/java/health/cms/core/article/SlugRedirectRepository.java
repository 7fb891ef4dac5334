package health.cms.core.article;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The old slugs of renamed articles. */
@ApplicationScoped
public class SlugRedirectRepository implements PanacheRepository<SlugRedirect> {

    /** True when another article once had this slug, so handing it out would break that article's old links. */
    public boolean usedByAnother(String slug, long articleId) {
        return count("oldSlug = ?1 and articleId <> ?2", slug, articleId) > 0;
    }

    /** True when some article once had this slug, so a new article taking it would capture that one's old links. */
    public boolean isOldSlug(String slug) {
        return count("oldSlug", slug) > 0;
    }

    /**
     * Records that the article left {@code oldSlug} for {@code newSlug}: the old slug now redirects, and
     * a redirect the article itself once left at the new slug goes, since the slug answers directly again.
     */
    public void renamed(Article article, String oldSlug, String newSlug, Instant now) {
        delete("oldSlug", newSlug);
        persist(new SlugRedirect(oldSlug, article.id(), now));
    }
}
