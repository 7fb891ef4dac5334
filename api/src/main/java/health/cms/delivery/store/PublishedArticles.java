package health.cms.delivery.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.workflow.review.ReviewStatus;

/**
 * Reads the delivery read model ({@code published_article}), which holds live articles only. Reads go
 * to the {@code read} datasource, which may point at a PostgreSQL read replica.
 */
@ApplicationScoped
public class PublishedArticles {

    private static final String LIST_COLUMNS = "article_id, slug, title, summary, first_published_at, updated_at, "
            + "next_review_due, document->'category' AS category, document->'tags' AS tags, "
            + "document->'authors' AS authors";

    /** How many of the newest matches a search ranks; see {@link #search}. */
    static final int SEARCH_WINDOW = 2_000;

    private final DataSource read;
    private final ObjectMapper json;
    private final Clock clock;

    PublishedArticles(@io.quarkus.agroal.DataSource("read") DataSource read, ObjectMapper json, Clock clock) {
        this.read = read;
        this.json = json;
        this.clock = clock;
    }

    /** What narrows a list; null means any. */
    public record Filter(String category, String tag, String author, ReviewStatus reviewStatus, Instant updatedSince) {
    }

    /** A page of results and the cursor of the next page, if there is one. */
    public record Page(List<ListItem> items, String nextCursor) {
    }

    /** A live article's stored public document and its review due date. */
    public record Document(long articleId, String slug, JsonNode document, Instant nextReviewDue) {
    }

    public Optional<Document> document(String slug) {
        return query("SELECT article_id, slug, document, next_review_due FROM published_article WHERE slug = ?",
                rs -> new Document(rs.getLong(1), rs.getString(2), readTree(rs.getString(3)), instant(rs, 4)), slug)
                .stream().findFirst();
    }

    /** The current slug of a live article that used to have this slug, if any. */
    public Optional<String> redirect(String oldSlug) {
        return query("""
                SELECT p.slug FROM slug_redirect r JOIN published_article p ON p.article_id = r.article_id
                WHERE r.old_slug = ?""", rs -> rs.getString(1), oldSlug).stream().findFirst();
    }

    /** Newest first, by the time the live revision went live, with keyset pagination. */
    public Page list(Filter filter, Optional<Cursor> cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + LIST_COLUMNS + " FROM published_article WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.category() != null) {
            sql.append(" AND category_slug = ?");
            params.add(filter.category());
        }
        if (filter.tag() != null) {
            sql.append(" AND tag_slugs @> ARRAY[?]::text[]");
            params.add(filter.tag());
        }
        if (filter.author() != null) {
            sql.append(" AND author_slugs @> ARRAY[?]::text[]");
            params.add(filter.author());
        }
        if (filter.updatedSince() != null) {
            sql.append(" AND updated_at >= ?");
            params.add(Timestamp.from(filter.updatedSince()));
        }
        if (filter.reviewStatus() != null) {
            Instant now = clock.instant();
            Instant soon = now.plus(ReviewStatus.DUE_SOON_WINDOW);
            switch (filter.reviewStatus()) {
                case OVERDUE -> {
                    sql.append(" AND (next_review_due IS NULL OR next_review_due <= ?)");
                    params.add(Timestamp.from(now));
                }
                case DUE_SOON -> {
                    sql.append(" AND next_review_due > ? AND next_review_due <= ?");
                    params.add(Timestamp.from(now));
                    params.add(Timestamp.from(soon));
                }
                case CURRENT -> {
                    sql.append(" AND next_review_due > ?");
                    params.add(Timestamp.from(soon));
                }
            }
        }
        cursor.ifPresent(c -> {
            sql.append(" AND (updated_at, article_id) < (?, ?)");
            params.add(Timestamp.from(c.updatedAt()));
            params.add(c.id());
        });
        sql.append(" ORDER BY updated_at DESC, article_id DESC LIMIT ?");
        params.add(limit + 1);
        List<Row> rows = query(sql.toString(), this::row, params.toArray());
        return page(rows, limit, r -> Long.toString(micros(r.item().updatedAt())));
    }

    /**
     * Full-text search, title weighted over summary over body, best match first among the newest
     * {@value #SEARCH_WINDOW} matching articles (all matches, for any but the commonest words).
     */
    public Page search(String text, Optional<Cursor> cursor, int limit) {
        // Candidates are the newest SEARCH_WINDOW matches; only they are ranked (ts_rank reads each
        // candidate's tsvector), and snippets are built for the returned page alone. A word found in
        // nearly every article then costs milliseconds instead of ranking 100,000 rows.
        StringBuilder inner = new StringBuilder("""
                SELECT article_id, ts_rank(search, q) AS rank, q FROM (
                  SELECT article_id, search FROM published_article, websearch_to_tsquery('english', ?) q0
                  WHERE search @@ q0 ORDER BY updated_at DESC LIMIT %d
                ) candidates, websearch_to_tsquery('english', ?) q WHERE true""".formatted(SEARCH_WINDOW));
        List<Object> params = new ArrayList<>();
        params.add(text);
        params.add(text);
        cursor.ifPresent(c -> {
            inner.append(" AND (ts_rank(search, q) < ? OR (ts_rank(search, q) = ? AND article_id < ?))");
            params.add(c.rank());
            params.add(c.rank());
            params.add(c.id());
        });
        inner.append(" ORDER BY rank DESC, article_id DESC LIMIT ?");
        params.add(limit + 1);
        String sql = """
                SELECT %s, hits.rank,
                       ts_headline('english', p.summary || ' ' || left(p.body_text, 20000), hits.q,
                         'StartSel=\u0001, StopSel=\u0002, MaxFragments=2, MaxWords=25, MinWords=10') AS snippet
                FROM (%s) hits JOIN published_article p USING (article_id)
                ORDER BY hits.rank DESC, hits.article_id DESC""".formatted(
                LIST_COLUMNS.replace("article_id, ", "p.article_id, "),
                inner);
        List<Row> rows = query(sql, rs -> {
            Row row = row(rs);
            String snippet = escapeHtml(rs.getString("snippet")).replace("\u0001", "<mark>").replace("\u0002", "</mark>");
            ListItem i = row.item();
            return new Row(row.id(), new ListItem(i.slug(), i.title(), i.summary(), i.category(), i.tags(), i.authors(),
                    i.publishedAt(), i.updatedAt(), i.reviewStatus(), snippet), rs.getFloat("rank"));
        }, params.toArray());
        return page(rows, limit, r -> Float.toString(r.rank()));
    }

    /** Categories that have live articles, with how many. */
    public List<Map<String, Object>> categories() {
        return query("""
                SELECT c.slug, c.name, c.description, c.review_interval_months, count(p.article_id)
                FROM category c JOIN published_article p ON p.category_slug = c.slug
                GROUP BY c.slug, c.name, c.description, c.review_interval_months ORDER BY c.name""",
                rs -> Map.of("slug", rs.getString(1), "name", rs.getString(2),
                        "description", String.valueOf(Optional.ofNullable(rs.getString(3)).orElse("")),
                        "reviewIntervalMonths", rs.getInt(4), "liveArticles", rs.getLong(5)));
    }

    /** Tags that have live articles, with how many. */
    public List<Map<String, Object>> tags() {
        return query("""
                SELECT t.slug, t.name, count(*) FROM published_article p
                CROSS JOIN LATERAL unnest(p.tag_slugs) AS s(slug) JOIN tag t ON t.slug = s.slug
                GROUP BY t.slug, t.name ORDER BY t.name""",
                rs -> Map.of("slug", rs.getString(1), "name", rs.getString(2), "liveArticles", rs.getLong(3)));
    }

    public boolean exists(String table, String slug) {
        if (!List.of("category", "tag", "profile").contains(table)) {
            throw new IllegalArgumentException(table);
        }
        return !query("SELECT 1 FROM " + table + " WHERE slug = ?", rs -> 1, slug).isEmpty();
    }

    /** A public profile, or empty. */
    public Optional<Map<String, Object>> profile(String slug) {
        return query("""
                SELECT slug, display_name, credentials, bio, website, avatar_url, specialties, is_author, is_reviewer
                FROM profile WHERE slug = ?""", rs -> {
            Map<String, Object> profile = new java.util.LinkedHashMap<>();
            profile.put("slug", rs.getString(1));
            profile.put("name", rs.getString(2));
            profile.put("credentials", rs.getString(3));
            profile.put("bio", rs.getString(4));
            profile.put("website", rs.getString(5));
            profile.put("avatarUrl", rs.getString(6));
            profile.put("specialties", Arrays.asList((String[]) rs.getArray(7).getArray()));
            profile.put("author", rs.getBoolean(8));
            profile.put("reviewer", rs.getBoolean(9));
            return profile;
        }, slug).stream().findFirst();
    }

    /** All live slugs with their last change, newest first, for the sitemap. */
    public List<Map.Entry<String, Instant>> sitemap(int offset, int limit) {
        return query(
                "SELECT slug, updated_at FROM published_article ORDER BY updated_at DESC, article_id DESC OFFSET ? LIMIT ?",
                rs -> Map.entry(rs.getString(1), instant(rs, 2)), offset, limit);
    }

    public long count() {
        return query("SELECT count(*) FROM published_article", rs -> rs.getLong(1)).get(0);
    }

    /** Published corrections of live articles, newest first. */
    public List<Map<String, Object>> corrections(int limit) {
        return query("""
                SELECT p.slug, p.title, c.change_class, c.note, c.published_at, c.id FROM correction c
                JOIN published_article p ON p.article_id = c.article_id
                WHERE c.change_class IN ('factual', 'clinical')
                ORDER BY c.published_at DESC, c.id DESC LIMIT ?""", rs -> Map.of("slug", rs.getString(1),
                "title", rs.getString(2), "changeClass", rs.getString(3), "note", rs.getString(4),
                "date", instant(rs, 5), "id", rs.getLong(6)), limit);
    }

    private record Row(long id, ListItem item, float rank) {
    }

    private Row row(ResultSet rs) throws SQLException {
        Instant nextReview = instant(rs, "next_review_due");
        List<ListItem.Named> authors = new ArrayList<>();
        for (JsonNode author : readTree(rs.getString("authors"))) {
            authors.add(new ListItem.Named(author.path("slug").asText(), author.path("name").asText()));
        }
        List<ListItem.Named> tags = new ArrayList<>();
        for (JsonNode tag : readTree(rs.getString("tags"))) {
            tags.add(new ListItem.Named(tag.path("slug").asText(), tag.path("name").asText()));
        }
        JsonNode category = readTree(rs.getString("category"));
        return new Row(rs.getLong("article_id"), new ListItem(rs.getString("slug"), rs.getString("title"),
                rs.getString("summary"), new ListItem.Named(category.path("slug").asText(), category.path("name").asText()),
                tags, authors, instant(rs, "first_published_at"), instant(rs, "updated_at"),
                ReviewStatus.of(nextReview, clock.instant()).value(), null), 0f);
    }

    private static Page page(List<Row> rows, int limit, java.util.function.Function<Row, String> sortValue) {
        boolean more = rows.size() > limit;
        List<Row> shown = more ? rows.subList(0, limit) : rows;
        String next = more
                ? new Cursor(sortValue.apply(shown.get(shown.size() - 1)), shown.get(shown.size() - 1).id())
                        .encode()
                : null;
        return new Page(shown.stream().map(Row::item).toList(), next);
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }

    static String escapeHtml(String text) {
        return text == null
                ? null
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text == null ? "null" : text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The read model holds JSON written by the projector", e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** Maps one row. */
    @FunctionalInterface
    interface RowMapper<T> {

        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = read.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rs.next()) {
                    result.add(mapper.map(rs));
                }
                return result;
            }
        } catch (SQLException e) {
            // SQLState class 22 is a value PostgreSQL refuses (text with NUL, a time out of range): the
            // request's fault, not an outage, even if a check at the edge missed it.
            if (e.getSQLState() != null && e.getSQLState().startsWith("22")) {
                throw new InvalidValueException(e);
            }
            throw new StoreUnavailableException(e);
        }
    }

    /** The database refused a value taken from the request; the API says 400. */
    public static class InvalidValueException extends RuntimeException {

        InvalidValueException(SQLException cause) {
            super("A value of the request was refused by the content store", cause);
        }
    }

    /** The database could not answer; the API says 503 and nothing else. */
    public static class StoreUnavailableException extends RuntimeException {

        StoreUnavailableException(SQLException cause) {
            super("The content store is unavailable", cause);
        }
    }

}
