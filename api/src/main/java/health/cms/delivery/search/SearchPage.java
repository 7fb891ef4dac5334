package health.cms.delivery.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.cms.delivery.store.ListItem;

/**
 * A page of search results, best first: the articles with their snippets, the cursor of the next page,
 * ({@code null} on the last page, as in lists), the facet counts asked for, and a spelling suggestion ({@code resultsFor} when the query as typed found
 * nothing and the items are for {@code didYouMean} instead).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(List<ListItem> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor, String didYouMean,
        String resultsFor,
        Map<String, List<FacetCount>> facets) {

    /** How many results have this value: a slug and its name, or months for {@code reviewedWithin}. */
    public record FacetCount(String value, String name, long count) {
    }
}
