package health.cms.delivery.search;

import static health.cms.delivery.store.ReadModel.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.search.DateField;
import health.cms.core.search.Facet;
import health.cms.core.search.SearchDocument;
import health.cms.core.slug.Slugs;
import health.cms.delivery.store.ListItem;
import health.cms.delivery.store.ReadModel;

/**
 * Reads live articles from the delivery read model ({@code published_article}, which holds nothing else) as
 * search documents; the payload of each is its list item (without the time-dependent review status) and its
 * review due date, so a search answers without touching PostgreSQL.
 */
@ApplicationScoped
public class LiveDocuments {

    private static final String COLUMNS = "SELECT article_id, slug, title, summary, body_text, first_published_at, "
            + "updated_at, next_review_due, document, locale FROM published_article";

    private final ReadModel db;
    private final ObjectMapper json;

    LiveDocuments(ReadModel db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** What a hit carries back: the list item to show and when its review is due. */
    public record Payload(ListItem item, Instant nextReviewDue) {
    }

    /** Every live article, read in batches; close the stream. */
    public Stream<SearchDocument> all() {
        return db.stream(COLUMNS, 500, this::document);
    }

    public Optional<SearchDocument> bySlug(String slug) {
        return db.first(COLUMNS + " WHERE slug = ?", this::document, slug);
    }

    public Payload payload(String text) {
        try {
            return json.readValue(text, Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A search payload is written by LiveDocuments", e);
        }
    }

    private SearchDocument document(ResultSet rs) throws SQLException {
        JsonNode document = db.readTree(rs.getString("document"));
        ListItem.Named category = named(document.path("category"));
        List<ListItem.Named> tags = namedAll(document.path("tags"));
        List<ListItem.Named> authors = namedAll(document.path("authors"));
        List<String> headings = new ArrayList<>();
        document.path("tableOfContents").forEach(entry -> headings.add(entry.path("text").asText()));
        String reviewer = document.path("medicalReview").path("reviewerName").asText("");
        Instant nextReviewDue = instant(rs, "next_review_due");
        ListItem item = new ListItem(rs.getString("slug"), rs.getString("title"), rs.getString("summary"), category, tags,
                authors, instant(rs, "first_published_at"), instant(rs, "updated_at"), null, null);
        Map<Facet, List<SearchDocument.Label>> facets = new EnumMap<>(Facet.class);
        facets.put(Facet.CATEGORY, List.of(label(category)));
        facets.put(Facet.TAG, tags.stream().map(LiveDocuments::label).toList());
        facets.put(Facet.AUTHOR, authors.stream().map(LiveDocuments::label).toList());
        if (!reviewer.isBlank()) {
            facets.put(Facet.REVIEWER, List.of(new SearchDocument.Label(Slugs.fromTitle(reviewer), reviewer)));
        }
        Map<DateField, Instant> dates = new EnumMap<>(DateField.class);
        dates.put(DateField.UPDATED_AT, item.updatedAt());
        String reviewedAt = document.path("medicalReview").path("reviewedAt").asText(null);
        if (reviewedAt != null) {
            dates.put(DateField.REVIEWED_AT, Instant.parse(reviewedAt));
        }
        if (nextReviewDue != null) {
            dates.put(DateField.REVIEW_DUE, nextReviewDue);
        }
        try {
            return new SearchDocument(rs.getLong("article_id"), item.slug(),
                    new SearchDocument.Text(item.title(), item.summary(), headings, rs.getString("body_text"),
                            tags.stream().map(ListItem.Named::name).toList(), category.name(),
                            authors.stream().map(ListItem.Named::name).toList()),
                    facets, dates, json.writeValueAsString(new Payload(item, nextReviewDue)), rs.getString("locale"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list item is plain data", e);
        }
    }

    private static SearchDocument.Label label(ListItem.Named named) {
        return new SearchDocument.Label(named.slug(), named.name());
    }

    private static ListItem.Named named(JsonNode node) {
        return new ListItem.Named(node.path("slug").asText(), node.path("name").asText());
    }

    private static List<ListItem.Named> namedAll(JsonNode nodes) {
        List<ListItem.Named> all = new ArrayList<>();
        nodes.forEach(node -> all.add(named(node)));
        return all;
    }
}
