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

    /**
     * The source's corrections that outdate a translation made from its revision {@code baseNumber}: factual and
     * clinical ones of later revisions, oldest first.
     */
    public List<Correction> outdatingSince(Article source, int baseNumber) {
        return list("article = ?1 and revision.number > ?2 and changeClass in ?3 order by publishedAt, id", source,
                baseNumber, ChangeClass.outdatingTranslations());
    }
}
