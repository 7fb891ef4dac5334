package health.cms.core.preview;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The share links of articles. */
@ApplicationScoped
public class ShareLinkRepository implements PanacheRepository<ShareLink> {

    /** An article's links, newest first; a handful at most, an article is shared a few times. */
    public List<ShareLink> forArticle(long articleId, int limit) {
        return find("articleId = ?1 order by id desc", articleId).range(0, limit - 1).list();
    }
}
