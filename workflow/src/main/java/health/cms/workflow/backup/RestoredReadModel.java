package health.cms.workflow.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import health.cms.core.article.Reference;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;
import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupException;
import health.cms.core.backup.Manifest;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.media.ImageFormat;
import health.cms.core.media.ImagePipeline;
import health.cms.core.publication.PublicArticle;
import health.cms.workflow.publication.ArticlePictures;
import health.cms.workflow.publication.Projection;

/**
 * Rebuilds the delivery read model of a restore from the restored, checked live revisions through the
 * workflow's own {@link Projection} (rendered and sanitized again), so nothing readers are served comes
 * from the archive's copy of the read model.
 */
final class RestoredReadModel {

    /** The delivery read model: derived again from the signed live revisions, never loaded from the archive. */
    static final String TABLE = "published_article";

    private final Connection connection;
    private final Projection projection = new Projection(new MarkdownRenderer());
    // Where the restored articles' images are served and which renditions exist: the settings of MediaConfig,
    // read by name because a restore also runs outside the apps' CDI container.
    private final String mediaBase = ConfigProvider.getConfig().getOptionalValue("cms.media.public-url", String.class)
            .orElse("http://localhost:8080");
    private final ImagePipeline pipeline = new ImagePipeline(1, 1, ConfigProvider.getConfig()
            .getOptionalValues("cms.media.widths", Integer.class).orElse(List.of(320, 640, 1024, 1600)));

    RestoredReadModel(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes one public entry per live article; returns how many. The one value taken from the archive's
     * read model is each article's public "updated" time (a recertification keeps it, so no restored row
     * holds it), and only when it lies between the first sign-off of the live text and the export.
     */
    long rebuild(BackupArchive archive) throws SQLException {
        Map<Long, Instant> archivedUpdateTimes = updateTimes(archive,
                archive.manifest().table(TABLE).orElseThrow());
        Instant exportedAt = exportedAt(archive.manifest());
        long written = 0;
        try (ByKey<PublicArticle.Named> tags = new ByKey<>(connection, """
                SELECT a.id, t.slug, t.name FROM article a JOIN revision_tag rt ON rt.revision_id = a.live_revision_id
                JOIN tag t ON t.id = rt.tag_id ORDER BY a.id""",
                rs -> new PublicArticle.Named(rs.getString(2), rs.getString(3)));
                ByKey<PublicArticle.AuthorView> authors = new ByKey<>(connection, """
                        SELECT a.id, p.slug, p.display_name, p.credentials, p.bio, p.website, p.avatar_url
                        FROM article a JOIN revision_author ra ON ra.revision_id = a.live_revision_id
                        JOIN profile p ON p.id = ra.profile_id ORDER BY a.id, ra.position""",
                        rs -> new PublicArticle.AuthorView(rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7)));
                ByKey<PublicArticle.ReferenceView> references = new ByKey<>(connection, "SELECT a.id, "
                        + Reference.COLUMNS + """
                                 FROM article a JOIN revision_reference rr ON rr.revision_id = a.live_revision_id
                                ORDER BY a.id, rr.position""",
                        rs -> PublicArticle.ReferenceView.of(Reference.read(rs, 2)));
                ByKey<PublicArticle.CorrectionView> corrections = new ByKey<>(connection, """
                        SELECT c.article_id, c.published_at, c.change_class, c.note FROM correction c
                        ORDER BY c.article_id, c.published_at, c.id""",
                        rs -> new PublicArticle.CorrectionView(instant(rs, 2), rs.getString(3), rs.getString(4)));
                ByKey<PublicArticle.ImageView> images = new ByKey<>(connection, """
                        SELECT a.id, ri.sha256, ri.alt_text, ri.caption, ri.credit, m.license, m.width, m.height, m.format
                        FROM article a JOIN revision_image ri ON ri.revision_id = a.live_revision_id
                        JOIN media_asset m ON m.sha256 = ri.sha256 ORDER BY a.id, ri.position""",
                        rs -> ArticlePictures.view(mediaBase, pipeline,
                                new RevisionImage(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                                rs.getString(6), rs.getInt(7), rs.getInt(8),
                                ImageFormat.valueOf(rs.getString(9).toUpperCase(Locale.ROOT))));
                PreparedStatement query = connection.prepareStatement("""
                        SELECT a.id, a.slug, a.first_published_at, a.last_reviewed_at, a.next_review_due, a.updated_at,
                            r.id, r.number, r.title, r.summary, r.body_markdown, c.slug, c.name,
                            latest.reviewer_name, latest.reviewer_credentials, first.signed_at, latest.conflict_statement,
                            r.meta_title, r.meta_description, r.canonical_url, r.social_image_url, r.noindex,
                            r.lead_image
                        FROM article a JOIN revision r ON r.id = a.live_revision_id JOIN category c ON c.id = r.category_id
                        JOIN LATERAL (SELECT reviewer_name, reviewer_credentials, conflict_statement FROM sign_off
                            WHERE revision_id = r.id AND decision <> 'changes-requested'
                            ORDER BY signed_at DESC, id DESC LIMIT 1) latest ON TRUE
                        JOIN LATERAL (SELECT min(signed_at) AS signed_at FROM sign_off
                            WHERE revision_id = r.id AND decision <> 'changes-requested'
                                AND content_hash = r.content_hash) first ON TRUE
                        ORDER BY a.id""")) {
            query.setFetchSize(200);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long article = rs.getLong(1);
                    String slug = rs.getString(2);
                    Projection.LiveArticle live = new Projection.LiveArticle(article, slug, instant(rs, 3),
                            instant(rs, 4), instant(rs, 5), rs.getLong(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), new PublicArticle.Named(rs.getString(12), rs.getString(13)),
                            // in the order the entity gives them (by slug, as Java compares), not the database's collation
                            tags.take(article).stream().sorted(Comparator.comparing(PublicArticle.Named::slug)).toList(),
                            authors.take(article), references.take(article), SearchAppearance.read(rs, 18),
                            new Projection.Reviewer(rs.getString(14), rs.getString(15),
                                    rs.getString(17) == null ? List.of() : List.of(rs.getString(17))),
                            corrections.take(article), images.take(article), rs.getString(23));
                    Instant updatedAt = archivedUpdateTimes.getOrDefault(article, instant(rs, 6));
                    checkUpdatedAt(slug, updatedAt, instant(rs, 16), exportedAt);
                    projection.write(connection, live, updatedAt);
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * Only each live article's public "updated" time is read from the archive's read model (no other row
     * holds it); every other public field is derived again from the signed revisions.
     */
    private static Map<Long, Instant> updateTimes(BackupArchive archive, Manifest.Table archived) {
        Map<Long, Instant> times = new HashMap<>();
        try (BackupArchive.Rows rows = archive.rows(archived)) {
            for (JsonNode row = rows.next(); row != null; row = rows.next()) {
                JsonNode article = row.get("article_id");
                JsonNode updatedAt = row.get("updated_at");
                if (article == null || !article.canConvertToLong() || updatedAt == null || !updatedAt.isTextual()) {
                    throw new BackupException("Row " + rows.count() + " of table " + TABLE
                            + " in the archive has no article id or updated time");
                }
                try {
                    times.put(article.longValue(), Instant.parse(updatedAt.textValue()));
                } catch (DateTimeParseException e) {
                    throw new BackupException("Row " + rows.count() + " of table " + TABLE
                            + " in the archive has an updated time that is not an instant: " + updatedAt.textValue());
                }
            }
        }
        return times;
    }

    private static Instant exportedAt(Manifest manifest) {
        String createdAt = manifest.createdAt() == null ? "" : manifest.createdAt();
        try {
            return Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw new BackupException("The archive's manifest has no valid export time: '" + createdAt + "'");
        }
    }

    /** An edited "updated" time could not claim a change before the text was signed off, or after the export. */
    private static void checkUpdatedAt(String slug, Instant updatedAt, Instant firstSignOff, Instant exportedAt) {
        if (firstSignOff == null || updatedAt.isBefore(firstSignOff) || updatedAt.isAfter(exportedAt)) {
            throw new BackupException("The public \"updated\" time of '" + slug + "' in the archive (" + updatedAt
                    + ") is not between the sign-off of its live text (" + firstSignOff + ") and the export ("
                    + exportedAt + ")." + RestoredContent.ROLLED_BACK);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
