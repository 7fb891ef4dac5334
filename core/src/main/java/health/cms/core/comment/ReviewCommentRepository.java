package health.cms.core.comment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Loads and stores review comments and their replies. */
@ApplicationScoped
public class ReviewCommentRepository implements PanacheRepository<ReviewComment> {

    /** Every comment and reply on the article, oldest first. */
    public List<ReviewComment> forArticle(long articleId) {
        return list("articleId = ?1 order by id", articleId);
    }

    /** How many blocking comments on the article nobody has resolved yet. */
    public long openBlocking(long articleId) {
        return count("articleId = ?1 and blocking = true and resolvedAt is null", articleId);
    }
}
