package health.cms.workflow;

import health.cms.core.article.Article;
import health.cms.core.article.ArticleStatus;

/**
 * An audited change to an article, fired synchronously inside the change's transaction, so that what follows
 * from it (the notifications) is stored with it or not at all. {@code to} is the state the article moved to
 * (or stayed in).
 */
public record ArticleChanged(Actor actor, AuditedAction action, Article article, ArticleStatus to) {
}
