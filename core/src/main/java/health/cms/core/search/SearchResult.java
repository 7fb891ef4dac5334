package health.cms.core.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page of hits, best first, with the position of the next page, the facet counts asked for, and a
 * spelling suggestion: {@code correctedFrom} is set when the hits are for {@code didYouMean} because the
 * query as typed found nothing.
 */
public record SearchResult(List<Hit> hits, Optional<SearchQuery.Position> next, Map<Facet, List<Count>> facets,
        List<Count> reviewedWithin, String didYouMean, boolean corrected) {

    /** One hit: the document's id and payload, its score, and an escaped snippet where only {@code <mark>} is markup. */
    public record Hit(long id, String payload, float score, String snippet) {
    }

    /** How many hits have this facet value (or were reviewed within this many months). */
    public record Count(String value, String name, long count) {
    }
}
