package health.cms.workflow.publication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import health.cms.core.publication.PublicArticle;

/**
 * The names of a live article's category and tags in its language, read over JDBC (so the workflow and a restore
 * derive the same entry): the name an editor gave for the article's locale, else for its language ({@code de} for
 * {@code de-AT}), else the default name.
 */
final class LocalTermNames {

    private LocalTermNames() {
    }

    static Projection.LiveArticle localize(Connection connection, Projection.LiveArticle live, String locale)
            throws SQLException {
        if (locale == null) {
            return live;
        }
        List<String> chain = chain(locale);
        Map<String, PublicArticle.Named> categories = read(connection, "category", List.of(live.category()), chain);
        Map<String, PublicArticle.Named> tags = read(connection, "tag", live.tags(), chain);
        if (categories.isEmpty() && tags.isEmpty()) {
            return live;
        }
        return live.withTerms(categories.getOrDefault(live.category().slug(), live.category()),
                live.tags().stream().map(tag -> tags.getOrDefault(tag.slug(), tag)).toList());
    }

    /** The locale, then its bare language when it has a region or script. */
    static List<String> chain(String locale) {
        String language = Locale.forLanguageTag(locale).getLanguage();
        return language.isEmpty() || language.equals(locale) ? List.of(locale) : List.of(locale, language);
    }

    private static Map<String, PublicArticle.Named> read(Connection connection, String table,
            List<PublicArticle.Named> terms, List<String> chain) throws SQLException {
        Map<String, PublicArticle.Named> found = new HashMap<>();
        if (terms.isEmpty()) {
            return found;
        }
        Map<String, Integer> rank = new HashMap<>();
        // table is one of two constants above, never user input
        try (PreparedStatement query = connection.prepareStatement("SELECT t.slug, n.locale, n.name, n.slug FROM "
                + table + " t JOIN " + table + "_name n ON n." + table + "_id = t.id "
                + "WHERE t.slug = ANY(?) AND n.locale = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("text", terms.stream().map(PublicArticle.Named::slug).toArray()));
            query.setArray(2, connection.createArrayOf("text", chain.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    int position = chain.indexOf(rs.getString(2));
                    if (position < rank.getOrDefault(rs.getString(1), Integer.MAX_VALUE)) {
                        rank.put(rs.getString(1), position);
                        found.put(rs.getString(1),
                                new PublicArticle.Named(rs.getString(1), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        return found;
    }
}
