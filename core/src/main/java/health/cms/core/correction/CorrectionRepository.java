package health.cms.core.correction;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.article.Article;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores corrections. */
@ApplicationScoped
public class CorrectionRepository implements PanacheRepository<Correction> {

    public List<Correction> forArticle(Article article) {
        return list("article = ?1 order by publishedAt, id", article);
    }
}
