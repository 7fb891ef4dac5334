package health.cms.workflow.publication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import health.cms.core.publication.PublicArticle;

/**
 * A live article's language as its public entry shows it, read from the article rows over JDBC (so the workflow
 * and a restore, which rebuilds the read model from restored rows, derive the same): its locale, the family it
 * belongs to (the source article's id), whether a translation is current, and the family's other live languages.
 */
record ArticleLanguage(String locale, long familyId, PublicArticle.TranslationStatus translation,
        List<PublicArticle.Alternate> alternates) {

    /** What a preview shows: the article's own language is unknown to it, and nothing else is live. */
    static final ArticleLanguage NONE = new ArticleLanguage(null, 0, null, List.of());

    static ArticleLanguage read(Connection connection, long articleId) throws SQLException {
        String locale;
        long family;
        PublicArticle.TranslationStatus translation = null;
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT a.locale, a.translation_of, a.source_changed_at, a.source_change_class, s.locale
                FROM article a LEFT JOIN article s ON s.id = a.translation_of WHERE a.id = ?""")) {
            query.setLong(1, articleId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Article " + articleId + " does not exist");
                }
                locale = rs.getString(1);
                long source = rs.getLong(2);
                family = rs.wasNull() ? articleId : source;
                if (family != articleId) {
                    OffsetDateTime changedAt = rs.getObject(3, OffsetDateTime.class);
                    translation = new PublicArticle.TranslationStatus(
                            changedAt == null
                                    ? PublicArticle.TranslationStatus.CURRENT
                                    : PublicArticle.TranslationStatus.OUTDATED,
                            changedAt == null ? null : Projection.stored(changedAt.toInstant()), rs.getString(4),
                            rs.getString(5));
                }
            }
        }
        List<PublicArticle.Alternate> alternates = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT locale, slug, translation_of IS NULL FROM article
                WHERE (id = ? OR translation_of = ?) AND id <> ? AND live_revision_id IS NOT NULL
                ORDER BY translation_of NULLS FIRST, locale""")) {
            query.setLong(1, family);
            query.setLong(2, family);
            query.setLong(3, articleId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    alternates.add(new PublicArticle.Alternate(rs.getString(1), rs.getString(2), rs.getBoolean(3), null));
                }
            }
        }
        return new ArticleLanguage(locale, family, translation, List.copyOf(alternates));
    }
}
