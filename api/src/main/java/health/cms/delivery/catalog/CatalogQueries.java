package health.cms.delivery.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.refusal.Refusal;
import health.cms.delivery.store.ReadModel;

/** Reads the categories, tags and public profiles that live articles use. */
@ApplicationScoped
public class CatalogQueries {

    private final ReadModel db;

    CatalogQueries(ReadModel db) {
        this.db = db;
    }

    /** What a list can be narrowed by, with the table that holds its slugs. */
    public enum Kind {

        CATEGORY("category"), TAG("tag"), PROFILE("profile");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** A category with how many live articles it has; the description is empty rather than absent. */
    public record CategoryView(String slug, String name, String description, int reviewIntervalMonths,
            long liveArticles) {
    }

    /** A tag with how many live articles carry it. */
    public record TagView(String slug, String name, long liveArticles) {
    }

    /** A public profile: an author's or a reviewer's byline details. */
    public record ProfileView(String slug, String name, String credentials, String bio, String website,
            String avatarUrl, List<String> specialties, boolean author, boolean reviewer) {
    }

    /** Categories that have live articles, with how many, by name (slug breaks ties, so pages never overlap). */
    public List<CategoryView> categories(int limit, int offset) {
        return db.query("""
                SELECT c.slug, c.name, c.description, c.review_interval_months, count(p.article_id)
                FROM category c JOIN published_article p ON p.category_slug = c.slug
                GROUP BY c.slug, c.name, c.description, c.review_interval_months ORDER BY c.name, c.slug
                LIMIT ? OFFSET ?""",
                rs -> new CategoryView(rs.getString(1), rs.getString(2), Objects.requireNonNullElse(rs.getString(3), ""),
                        rs.getInt(4), rs.getLong(5)),
                limit, offset);
    }

    /** Tags that have live articles, with how many, by name. */
    public List<TagView> tags(int limit, int offset) {
        return db.query("""
                SELECT t.slug, t.name, count(*) FROM published_article p
                CROSS JOIN LATERAL unnest(p.tag_slugs) AS s(slug) JOIN tag t ON t.slug = s.slug
                GROUP BY t.slug, t.name ORDER BY t.name, t.slug LIMIT ? OFFSET ?""",
                rs -> new TagView(rs.getString(1), rs.getString(2), rs.getLong(3)), limit, offset);
    }

    /** A public profile, or empty. */
    public Optional<ProfileView> profile(String slug) {
        return db.first("""
                SELECT slug, display_name, credentials, bio, website, avatar_url, specialties, is_author, is_reviewer
                FROM profile WHERE slug = ?""",
                rs -> new ProfileView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Arrays.asList((String[]) rs.getArray(7).getArray()),
                        rs.getBoolean(8), rs.getBoolean(9)),
                slug);
    }

    /**
     * Refuses a filter value that names no category, tag or profile, as a 400 naming the parameter; null
     * (no filter) passes.
     */
    public void requireKnown(String parameter, Kind kind, String slug) {
        if (slug != null && db.query("SELECT 1 FROM " + kind.table + " WHERE slug = ?", rs -> 1, slug).isEmpty()) {
            throw Refusal.invalid(parameter, "unknown " + parameter + " '" + slug + "'");
        }
    }
}
