package health.cms.admin.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.markdown.RenderedMarkdown;
import health.cms.core.search.DateField;
import health.cms.core.search.Facet;
import health.cms.core.search.SearchDocument;

/**
 * Reads articles in any state as the desk's search documents: the working revision's text (the one writers
 * and reviewers work on, live or not), its byline, category and tags, and the article's status, assigned
 * reviewer, last change and review due date. The payload of each is the {@link Hit} the desk lists.
 */
@ApplicationScoped
public class DeskDocuments {

    /** Articles read per round trip while the whole index is built. */
    static final int BATCH = 500;

    private static final String SELECT = """
            SELECT a.id, a.slug, a.status, a.updated_at, a.next_review_due, a.assigned_reviewer,
                   w.title, w.summary, w.body_markdown, c.slug AS category_slug, c.name AS category_name,
                   (SELECT coalesce(json_agg(json_build_object('value', t.slug, 'name', t.name) ORDER BY t.name), '[]')
                      FROM revision_tag rt JOIN tag t ON t.id = rt.tag_id WHERE rt.revision_id = w.id) AS tags,
                   (SELECT coalesce(json_agg(json_build_object('value', p.slug, 'name', p.display_name)
                                             ORDER BY ra.position), '[]')
                      FROM revision_author ra JOIN profile p ON p.id = ra.profile_id WHERE ra.revision_id = w.id) AS authors
              FROM article a
              JOIN revision w ON w.id = a.working_revision_id
              JOIN category c ON c.id = w.category_id
            """;
    private static final TypeReference<List<SearchDocument.Label>> LABELS = new TypeReference<>() {
    };

    private final DataSource db;
    private final MarkdownRenderer renderer;
    private final ObjectMapper json;

    DeskDocuments(DataSource db, MarkdownRenderer renderer, ObjectMapper json) {
        this.db = db;
        this.renderer = renderer;
        this.json = json;
    }

    /** What a hit carries back to the list: enough to show a row without reading PostgreSQL. */
    public record Hit(long id, String slug, String title, String status, String category, List<String> authors,
            String assignedReviewer, Instant updatedAt, Instant nextReviewDue) {
    }

    /** Every article, read lazily in batches of {@link #BATCH} by id, each batch its own short read. */
    public Stream<SearchDocument> all() {
        return Stream.iterate(batchAfter(0), batch -> !batch.isEmpty(),
                batch -> batch.size() < BATCH ? List.of() : batchAfter(batch.get(batch.size() - 1).id()))
                .flatMap(List::stream);
    }

    private List<SearchDocument> batchAfter(long id) {
        return read(SELECT + " WHERE a.id > ? ORDER BY a.id LIMIT " + BATCH, id);
    }

    /** The article as the index should hold it, or empty if it no longer exists. */
    public Optional<SearchDocument> byId(long id) {
        return read(SELECT + " WHERE a.id = ?", id).stream().findFirst();
    }

    public Hit hit(String payload) {
        try {
            return json.readValue(payload, Hit.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A desk search payload is written by DeskDocuments", e);
        }
    }

    private List<SearchDocument> read(String sql, long param) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, param);
            try (ResultSet rs = statement.executeQuery()) {
                List<SearchDocument> documents = new ArrayList<>();
                while (rs.next()) {
                    documents.add(document(rs));
                }
                return documents;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading articles for the desk search failed: " + e.getMessage(), e);
        }
    }

    private SearchDocument document(ResultSet rs) throws SQLException {
        RenderedMarkdown body = renderer.render(rs.getString("body_markdown"));
        List<SearchDocument.Label> tags = labels(rs.getString("tags"));
        List<SearchDocument.Label> authors = labels(rs.getString("authors"));
        SearchDocument.Label category = new SearchDocument.Label(rs.getString("category_slug"),
                rs.getString("category_name"));
        String status = rs.getString("status");
        String assignee = rs.getString("assigned_reviewer");
        Instant updatedAt = instant(rs, "updated_at");
        Instant due = instant(rs, "next_review_due");
        Map<Facet, List<SearchDocument.Label>> facets = new EnumMap<>(Facet.class);
        facets.put(Facet.STATUS, List.of(new SearchDocument.Label(status, status)));
        facets.put(Facet.CATEGORY, List.of(category));
        facets.put(Facet.TAG, tags);
        facets.put(Facet.AUTHOR, authors);
        if (assignee != null) {
            facets.put(Facet.ASSIGNED_REVIEWER, List.of(new SearchDocument.Label(assignee, assignee)));
        }
        Map<DateField, Instant> dates = new EnumMap<>(DateField.class);
        dates.put(DateField.UPDATED_AT, updatedAt);
        if (due != null) {
            dates.put(DateField.REVIEW_DUE, due);
        }
        List<String> authorNames = authors.stream().map(SearchDocument.Label::name).toList();
        Hit hit = new Hit(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), status, category.name(),
                authorNames, assignee, updatedAt, due);
        return new SearchDocument(hit.id(), hit.slug(),
                new SearchDocument.Text(hit.title(), rs.getString("summary"),
                        body.toc().stream().map(entry -> entry.text()).toList(), body.text(),
                        tags.stream().map(SearchDocument.Label::name).toList(), category.name(), authorNames),
                facets, dates, write(hit));
    }

    private List<SearchDocument.Label> labels(String array) {
        try {
            return json.readValue(array, LABELS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL's json_agg gives a JSON array", e);
        }
    }

    private String write(Hit hit) {
        try {
            return json.writeValueAsString(hit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A hit is plain data", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
