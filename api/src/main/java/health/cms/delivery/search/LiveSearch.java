package health.cms.delivery.search;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.search.DateField;
import health.cms.core.search.Facet;
import health.cms.core.search.SearchQuery;
import health.cms.core.search.SearchResult;
import health.cms.delivery.store.Cursor;
import health.cms.delivery.store.ListItem;
import health.cms.workflow.review.ReviewStatus;

/** Runs a search over this replica's index and makes the page REST and GraphQL answer with. */
@ApplicationScoped
public class LiveSearch {

    private final SearchIndex index;
    private final LiveDocuments documents;
    private final Clock clock;

    LiveSearch(SearchIndex index, LiveDocuments documents, Clock clock) {
        this.index = index;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * A query for {@code q} with these filters in {@code locale} (a configured one: analysed as its language, finding
     * its articles only); {@code reviewedWithin} (months, or null) keeps recent reviews only.
     */
    public SearchQuery query(String q, Map<Facet, String> filters, Integer reviewedWithin, Set<Facet> counted,
            boolean countReviewed, int limit, Optional<Cursor> position, String locale) {
        Map<DateField, SearchQuery.Range> ranges = reviewedWithin == null
                ? Map.of()
                : Map.of(DateField.REVIEWED_AT, new SearchQuery.Range(
                        clock.instant().atZone(ZoneOffset.UTC).minusMonths(reviewedWithin).toInstant(), null));
        return new SearchQuery(q.strip(), filters, ranges, counted, countReviewed, limit,
                position.map(c -> new SearchQuery.Position(c.rank(), c.id())), locale);
    }

    /** Changes whenever the index does: part of the key of every cached search answer. */
    public long generation() {
        return index.generation();
    }

    public SearchPage page(SearchQuery query) {
        SearchResult result = index.engine().search(query);
        List<ListItem> items = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            LiveDocuments.Payload payload = documents.payload(hit.payload());
            ListItem item = payload.item();
            items.add(new ListItem(item.slug(), item.title(), item.summary(), item.category(), item.tags(),
                    item.authors(), item.publishedAt(), item.updatedAt(),
                    ReviewStatus.of(payload.nextReviewDue(), clock.instant()).value(), hit.snippet()));
        }
        String next = result.next().map(p -> new Cursor(Float.toString(p.score()), p.id()).encode()).orElse(null);
        Map<String, List<SearchPage.FacetCount>> facets = null;
        if (!result.facets().isEmpty() || !result.reviewedWithin().isEmpty()) {
            facets = new LinkedHashMap<>();
            for (Map.Entry<String, Facet> countable : SearchResource.COUNTABLE.entrySet()) {
                List<SearchResult.Count> counts = result.facets().get(countable.getValue());
                if (counts != null) {
                    facets.put(countable.getKey(), counts.stream().map(LiveSearch::count).toList());
                }
            }
            if (!result.reviewedWithin().isEmpty()) {
                facets.put(SearchResource.REVIEWED_WITHIN,
                        result.reviewedWithin().stream().map(LiveSearch::count).toList());
            }
        }
        return new SearchPage(items, next, result.didYouMean(), result.corrected() ? result.didYouMean() : null,
                facets);
    }

    private static SearchPage.FacetCount count(SearchResult.Count count) {
        return new SearchPage.FacetCount(count.value(), count.name(), count.count());
    }
}
