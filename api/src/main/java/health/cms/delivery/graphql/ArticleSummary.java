package health.cms.delivery.graphql;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;

import health.cms.core.publication.PublicArticle;
import health.cms.delivery.store.ListItem;

/**
 * A live article in a list or search result: the fields of a REST list item; its author profiles, medical
 * review and corrections are loaded for a whole page at once ({@link ArticleBatches}).
 */
@Description("A live article in a list or search result, as in GET /api/v1/articles")
public record ArticleSummary(String slug, String title, String summary, PublicArticle.Named category,
        List<PublicArticle.Named> tags, List<PublicArticle.Named> authors, Instant publishedAt, Instant updatedAt,
        String reviewStatus,
        @Description("Search only: the matching text, escaped, with <mark> around the hits") String snippet) {

    static ArticleSummary of(ListItem item) {
        return new ArticleSummary(item.slug(), item.title(), item.summary(), named(item.category()),
                item.tags().stream().map(ArticleSummary::named).toList(),
                item.authors().stream().map(ArticleSummary::named).toList(), item.publishedAt(), item.updatedAt(),
                item.reviewStatus(), item.snippet());
    }

    private static PublicArticle.Named named(ListItem.Named named) {
        return new PublicArticle.Named(named.slug(), named.name());
    }
}
