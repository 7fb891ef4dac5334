package health.cms.delivery.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.delivery.store.ReadModel;

/** Reads the categories, tags and public profiles that live articles use. */
@ApplicationScoped
public class CatalogQueries {

    private static final String PROFILE_COLUMNS = "slug, display_name, credentials, bio, website, avatar_url, specialties, "
            + "is_author, is_reviewer";

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

    /** A medical reviewer as live articles name them, with how many live articles they signed. */
    public record ReviewerView(String slug, String name, String credentials, long liveArticles) {
    }

    /** A public profile: an author's or a reviewer's byline details. */
    public record ProfileView(String slug, String name, String credentials, String bio, String website,
            String avatarUrl, List<String> specialties, boolean author, boolean reviewer) {
    }

    /** Categories that have live articles, with how many, by name (slug breaks ties, so pages never overlap). */
    public List<CategoryView> categories(int limit, int offset) {
        return categories(limit, offset, null);
    }

    /**
     * The categories as {@link #categories(int, int)}, named in {@code locale} (then its bare language) where an
     * editor named them so, else by their default name; null: the default names.
     */
    public List<CategoryView> categories(int limit, int offset, String locale) {
        List<String> chain = chain(locale);
        return db.query("""
                SELECT c.slug, coalesce(exact.name, lang.name, c.name) AS shown, c.description, c.review_interval_months,
                       count(p.article_id)
                FROM category c JOIN published_article p ON p.category_slug = c.slug
                LEFT JOIN category_name exact ON exact.category_id = c.id AND exact.locale = ?
                LEFT JOIN category_name lang ON lang.category_id = c.id AND lang.locale = ?
                GROUP BY c.slug, shown, c.description, c.review_interval_months ORDER BY shown, c.slug
                LIMIT ? OFFSET ?""",
                rs -> new CategoryView(rs.getString(1), rs.getString(2), Objects.requireNonNullElse(rs.getString(3), ""),
                        rs.getInt(4), rs.getLong(5)),
                chain.get(0), chain.get(1), limit, offset);
    }

    /** Tags that have live articles, with how many, by name. */
    public List<TagView> tags(int limit, int offset) {
        return tags(limit, offset, null);
    }

    /** The tags as {@link #tags(int, int)}, named in {@code locale} as the categories are. */
    public List<TagView> tags(int limit, int offset, String locale) {
        List<String> chain = chain(locale);
        return db.query("""
                SELECT t.slug, coalesce(exact.name, lang.name, t.name) AS shown, count(*) FROM published_article p
                CROSS JOIN LATERAL unnest(p.tag_slugs) AS s(slug) JOIN tag t ON t.slug = s.slug
                LEFT JOIN tag_name exact ON exact.tag_id = t.id AND exact.locale = ?
                LEFT JOIN tag_name lang ON lang.tag_id = t.id AND lang.locale = ?
                GROUP BY t.slug, shown ORDER BY shown, t.slug LIMIT ? OFFSET ?""",
                rs -> new TagView(rs.getString(1), rs.getString(2), rs.getLong(3)), chain.get(0), chain.get(1), limit,
                offset);
    }

    /** The locale in its canonical form and its bare language (empty strings match no name: default names). */
    private static List<String> chain(String locale) {
        String tag = Locales.canonical(locale).orElse("");
        String language = tag.isEmpty() ? "" : Locale.forLanguageTag(tag).getLanguage();
        return List.of(tag, language);
    }

    /** Authors of live articles, by name (slug breaks ties). */
    public List<ProfileView> authors(int limit, int offset) {
        return db.query("SELECT " + PROFILE_COLUMNS + """
                 FROM profile WHERE slug IN (SELECT unnest(author_slugs) FROM published_article)
                ORDER BY display_name, slug LIMIT ? OFFSET ?""", CatalogQueries::profile, limit, offset);
    }

    /** These public profiles, in one query (GraphQL asks for the authors of a whole page at once). */
    public List<ProfileView> profiles(Collection<String> slugs) {
        return db.query("SELECT " + PROFILE_COLUMNS + " FROM profile WHERE slug = ANY(?)", CatalogQueries::profile,
                (Object) slugs.toArray(String[]::new));
    }

    /**
     * The reviewers who signed live articles, as the articles name them (at sign-off) with how many they signed;
     * the slug is the one search's {@code reviewer} filter takes.
     */
    public List<ReviewerView> reviewers(int limit, int offset) {
        return db.query("""
                SELECT document #>> '{medicalReview,reviewerName}' AS name,
                       document #>> '{medicalReview,reviewerCredentials}' AS credentials, count(*)
                FROM published_article WHERE document #>> '{medicalReview,reviewerName}' <> ''
                GROUP BY 1, 2 ORDER BY 1, 2 LIMIT ? OFFSET ?""",
                rs -> new ReviewerView(Slugs.fromTitle(rs.getString(1)), rs.getString(1), rs.getString(2), rs.getLong(3)),
                limit, offset);
    }

    /** A public profile, or empty. */
    public Optional<ProfileView> profile(String slug) {
        return db.first("SELECT " + PROFILE_COLUMNS + " FROM profile WHERE slug = ?", CatalogQueries::profile, slug);
    }

    private static ProfileView profile(ResultSet rs) throws SQLException {
        return new ProfileView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getBoolean(8),
                rs.getBoolean(9));
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
