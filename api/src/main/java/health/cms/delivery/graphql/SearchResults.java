package health.cms.delivery.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;

/** A page of search results, best first, as {@code GET /api/v1/search} pages them (facet counts stay REST's). */
@Description("Search results, best first, as GET /api/v1/search: didYouMean suggests a spelling, resultsFor says the items are for it")
public record SearchResults(List<ArticleSummary> items, String nextCursor, String didYouMean, String resultsFor) {
}
