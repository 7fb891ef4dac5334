package health.cms.delivery.store;

import static health.cms.delivery.store.ReadModel.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.workflow.review.ReviewStatus;

/**
 * Reads live articles from the delivery read model ({@code published_article}, which holds nothing
 * else): one by slug, filtered lists and the sitemap's slugs (search has its own index: delivery.search).
 */
@ApplicationScoped
public class PublishedArticles {

    private static final String LIST_COLUMNS = "article_id, slug, title, summary, first_published_at, updated_at, "
            + "next_review_due, list_category, list_tags, list_author_slugs, list_author_names";

    private final ReadModel db;
    private final Clock clock;

    PublishedArticles(ReadModel db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What narrows a list; null means any. */
    public record Filter(String category, String tag, String author, ReviewStatus reviewStatus, Instant updatedSince,
            String locale) {

        public static Filter category(String category) {
            return new Filter(category, null, null, null, null, null);
        }

        public static Filter author(String author) {
            return new Filter(null, null, author, null, null, null);
        }

        /** The same filter, narrowed to the live articles in {@code locale} (a configured tag). */
        public Filter inLocale(String locale) {
            return new Filter(category, tag, author, reviewStatus, updatedSince, locale);
        }
    }

    /** A page of results and the cursor of the next page, if there is one. */
    public record Page(List<ListItem> items, String nextCursor) {
    }

    /** A live article's stored public document and its review due date. */
    public record Document(long articleId, String slug, JsonNode document, Instant nextReviewDue) {
    }

    /**
     * A live article's slug and the time of its last change, for the sitemap, with its locale and the live
     * languages of its family (itself included; only itself when it has no translation), by locale.
     */
    public record LastChange(String slug, Instant updatedAt, String locale, List<Language> family) {
    }

    /** One live language of an article: its locale and the slug it is served at. */
    public record Language(String locale, String slug) {
    }

    public Optional<Document> document(String slug) {
        return db.first("SELECT article_id, slug, document, next_review_due FROM published_article WHERE slug = ?",
                rs -> new Document(rs.getLong("article_id"), rs.getString("slug"), db.readTree(rs.getString("document")),
                        instant(rs, "next_review_due")),
                slug);
    }

    /**
     * One top-level part of the stored public view ({@code medicalReview}, {@code corrections}...) of each of these
     * live articles, by slug, in one query; a medical review gets its status as of now, as the article does.
     */
    public Map<String, JsonNode> parts(Collection<String> slugs, String part) {
        Map<String, JsonNode> parts = new HashMap<>();
        db.query("SELECT slug, document -> ?, next_review_due FROM published_article WHERE slug = ANY(?)", rs -> {
            JsonNode node = db.readTree(rs.getString(2));
            if (node instanceof ObjectNode object && part.equals("medicalReview")) {
                object.put("status", ReviewStatus.of(instant(rs, "next_review_due"), clock.instant()).value());
            }
            return parts.put(rs.getString(1), node);
        }, part, slugs.toArray(String[]::new));
        return parts;
    }

    /** The current slug of a live article that used to have this slug, if any. */
    public Optional<String> redirect(String oldSlug) {
        return db.first("""
                SELECT p.slug FROM slug_redirect r JOIN published_article p ON p.article_id = r.article_id
                WHERE r.old_slug = ?""", rs -> rs.getString(1), oldSlug);
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
        if (filter.locale() != null) {
            sql.append(" AND locale = ?");
            params.add(filter.locale());
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
        List<Row> rows = db.query(sql.toString(), this::row, params.toArray());
        return page(rows, limit, r -> Long.toString(micros(r.item().updatedAt())));
    }

    /** All live slugs with their last change, newest first, for the sitemap. */
    public List<LastChange> sitemap(int offset, int limit) {
        return db.query("""
                SELECT p.slug, p.updated_at, p.locale, f.locales, f.slugs FROM published_article p
                CROSS JOIN LATERAL (SELECT array_agg(locale ORDER BY locale) AS locales,
                    array_agg(slug ORDER BY locale) AS slugs FROM published_article
                    WHERE coalesce(family_id, article_id) = coalesce(p.family_id, p.article_id)) f
                ORDER BY p.updated_at DESC, p.article_id DESC OFFSET ? LIMIT ?""",
                rs -> new LastChange(rs.getString("slug"), instant(rs, "updated_at"), rs.getString("locale"),
                        languages((String[]) rs.getArray("locales").getArray(), (String[]) rs.getArray("slugs").getArray())),
                offset, limit);
    }

    private static List<Language> languages(String[] locales, String[] slugs) {
        List<Language> family = new ArrayList<>(locales.length);
        for (int i = 0; i < locales.length; i++) {
            family.add(new Language(locales[i], slugs[i]));
        }
        return family;
    }

    public long count() {
        return db.query("SELECT count(*) FROM published_article", rs -> rs.getLong(1)).get(0);
    }

    /** A list row: the item, and the id that a cursor points at. */
    private record Row(long id, ListItem item) {
    }

    private Row row(ResultSet rs) throws SQLException {
        Instant nextReview = instant(rs, "next_review_due");
        List<ListItem.Named> tags = new ArrayList<>();
        for (JsonNode tag : db.readTree(rs.getString("list_tags"))) {
            tags.add(named(tag));
        }
        List<ListItem.Named> authors = new ArrayList<>();
        JsonNode authorSlugs = db.readTree(rs.getString("list_author_slugs"));
        JsonNode authorNames = db.readTree(rs.getString("list_author_names"));
        for (int i = 0; i < authorNames.size(); i++) {
            authors.add(new ListItem.Named(authorSlugs.path(i).asText(), authorNames.path(i).asText()));
        }
        return new Row(rs.getLong("article_id"), new ListItem(rs.getString("slug"), rs.getString("title"),
                rs.getString("summary"), named(db.readTree(rs.getString("list_category"))), tags, authors,
                instant(rs, "first_published_at"), instant(rs, "updated_at"),
                ReviewStatus.of(nextReview, clock.instant()).value(), null));
    }

    private static ListItem.Named named(JsonNode node) {
        return new ListItem.Named(node.path("slug").asText(), node.path("name").asText());
    }

    private static Page page(List<Row> rows, int limit, Function<Row, String> sortValue) {
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
}
