package health.cms.workflow;

import java.util.function.Supplier;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the workflow's own {@code @QuarkusTest}s share: reading back inside a transaction, and shorthands for actions. */
final class WorkflowTest {

    private WorkflowTest() {
    }

    /** Runs the check in a transaction of its own, so lazy relations of what it reads can load. */
    static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    static Article reload(Article article) {
        return Fixtures.bean(ArticleRepository.class).findById(article.id());
    }

    static Article apply(Actor actor, Article article, EditorialAction action) {
        return Fixtures.transitions().apply(actor, article.id(), article.version(), TransitionRequest.of(action));
    }

    static Article apply(Actor actor, Article article, TransitionRequest request) {
        return Fixtures.transitions().apply(actor, article.id(), article.version(), request);
    }

    static Article edit(Actor actor, Article article, String body) {
        return Fixtures.drafting().edit(actor, article.id(), article.version(),
                Fixtures.input(article.slug(), "Article " + article.slug(), body));
    }
}
