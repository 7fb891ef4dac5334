package health.cms.core.search;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader or editor asked for: the text as typed in a search box ({@code "exact phrase"},
 * {@code -excluded}; blank means everything), exact facet filters, date ranges, the facets to count,
 * the page size, the position after which the page starts, and the locale searched in (the text is analysed as
 * that language and only documents in that language are found, de-AT with de; null: any document, the text
 * analysed as English).
 */
public record SearchQuery(String text, Map<Facet, String> filters, Map<DateField, Range> ranges,
        Set<Facet> counted, boolean countReviewedWithin, int limit, Optional<Position> after, String locale) {

    public SearchQuery {
        text = text == null ? "" : text.strip();
        filters = Map.copyOf(filters);
        ranges = Map.copyOf(ranges);
        counted = Set.copyOf(counted);
    }

    /** A query over every document, whatever its language, analysed as English. */
    public SearchQuery(String text, Map<Facet, String> filters, Map<DateField, Range> ranges, Set<Facet> counted,
            boolean countReviewedWithin, int limit, Optional<Position> after) {
        this(text, filters, ranges, counted, countReviewedWithin, limit, after, null);
    }

    /** Just the text: the first page of ten, no filters, no counts. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Map.of(), Map.of(), Set.of(), false, 10, Optional.empty());
    }

    /** From (inclusive) and until (exclusive); null leaves that end open. */
    public record Range(Instant from, Instant until) {
    }

    /** Where a page ended: the score and id of its last hit. */
    public record Position(float score, long id) {
    }
}
