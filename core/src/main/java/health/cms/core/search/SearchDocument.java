package health.cms.core.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One article as a search engine sees it: its id and natural key (the slug), the text that is searched,
 * the keywords and dates it is filtered and counted by, an opaque payload handed back with each hit, and the
 * locale its text is in (a BCP 47 tag; null: English, in an index that does not tell languages apart).
 */
public record SearchDocument(long id, String key, Text text, Map<Facet, List<Label>> facets,
        Map<DateField, Instant> dates, String payload, String locale) {

    public SearchDocument {
        facets = Map.copyOf(facets);
        dates = Map.copyOf(dates);
    }

    /** A document of an index that does not tell languages apart (analysed as English). */
    public SearchDocument(long id, String key, Text text, Map<Facet, List<Label>> facets, Map<DateField, Instant> dates,
            String payload) {
        this(id, key, text, facets, dates, payload, null);
    }

    /** The searched text, field by field (the title weighs most, then summary, headings, tags and names). */
    public record Text(String title, String summary, List<String> headings, String body, List<String> tags,
            String category, List<String> authors) {

        public Text {
            headings = List.copyOf(headings);
            tags = List.copyOf(tags);
            authors = List.copyOf(authors);
        }
    }

    /** A facet value: the stable value filtered on (a slug) and the name shown with its count. */
    public record Label(String value, String name) {
    }
}
