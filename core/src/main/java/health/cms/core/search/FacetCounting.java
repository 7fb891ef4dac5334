package health.cms.core.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Counts the hits of a query per facet value (Lucene's sorted-set doc values facets) and per "reviewed
 * within N months" bucket (range facets), reusing the per-reader facet state until the index changes.
 */
final class FacetCounting {

    static final int[] REVIEWED_WITHIN_MONTHS = {3, 6, 12, 24};
    private static final int TOP_VALUES = 20;

    private final Documents documents;
    private final Clock clock;
    private volatile ReaderState current;

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    FacetCounting(Documents documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    record Counts(Map<Facet, List<SearchResult.Count>> facets, List<SearchResult.Count> reviewedWithin) {
    }

    Counts count(IndexSearcher searcher, Query query, SearchQuery asked) throws IOException {
        if (asked.counted().isEmpty() && !asked.countReviewedWithin()) {
            return new Counts(Map.of(), List.of());
        }
        FacetsCollector hits = searcher.search(query, new FacetsCollectorManager());
        Map<Facet, List<SearchResult.Count>> facets = new EnumMap<>(Facet.class);
        SortedSetDocValuesReaderState state = state(searcher.getIndexReader());
        SortedSetDocValuesFacetCounts counts = state == null ? null : new SortedSetDocValuesFacetCounts(state, hits);
        for (Facet facet : asked.counted()) {
            List<SearchResult.Count> values = new ArrayList<>();
            FacetResult top = counts == null ? null : top(counts, facet);
            if (top != null) {
                for (LabelAndValue value : top.labelValues) {
                    values.add(new SearchResult.Count(value.label, documents.name(facet, value.label),
                            value.value.longValue()));
                }
            }
            facets.put(facet, values);
        }
        List<SearchResult.Count> reviewed = new ArrayList<>();
        if (asked.countReviewedWithin()) {
            Instant now = clock.instant();
            LongRange[] ranges = new LongRange[REVIEWED_WITHIN_MONTHS.length];
            for (int i = 0; i < ranges.length; i++) {
                long from = now.atZone(ZoneOffset.UTC).minusMonths(REVIEWED_WITHIN_MONTHS[i]).toInstant().toEpochMilli();
                ranges[i] = new LongRange(Integer.toString(REVIEWED_WITHIN_MONTHS[i]), from, true, Long.MAX_VALUE, true);
            }
            FacetResult result = new LongRangeFacetCounts(DateField.REVIEWED_AT.field(), hits, ranges).getAllChildren(
                    DateField.REVIEWED_AT.field());
            for (LabelAndValue value : result.labelValues) {
                reviewed.add(new SearchResult.Count(value.label, "reviewed within " + value.label + " months",
                        value.value.longValue()));
            }
        }
        return new Counts(facets, reviewed);
    }

    private static FacetResult top(SortedSetDocValuesFacetCounts counts, Facet facet) throws IOException {
        try {
            return counts.getTopChildren(TOP_VALUES, facet.field());
        } catch (IllegalArgumentException noDocumentHasIt) {
            return null;
        }
    }

    /** The facet ordinals of this reader; null while no document has any facet value. */
    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        ReaderState known = current;
        if (known != null && known.reader() == reader) {
            return known.state();
        }
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, documents.config());
        } catch (IllegalArgumentException noFacetsYet) {
            state = null;
        }
        current = new ReaderState(reader, state);
        return state;
    }
}
