package health.cms.delivery.preview;

import static health.cms.delivery.store.ReadModel.instant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.article.Reference;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.media.ImageFormat;
import health.cms.core.media.ImagePipeline;
import health.cms.core.media.MediaConfig;
import health.cms.core.publication.PublicArticle;
import health.cms.delivery.store.ReadModel;
import health.cms.workflow.publication.ArticlePictures;
import health.cms.workflow.publication.Projection;

/**
 * Reads an article's working revision (its live one when nobody is editing it) for the preview API, through
 * the {@code preview} datasource, whose role may read revisions; the delivery datasource's role may not. The
 * view is made by the same {@link Projection} and renderer as the published one, so a preview shows exactly
 * what publishing this revision would serve.
 */
@ApplicationScoped
public class PreviewArticles {

    /** A working revision as it would be served, with where it stands in the workflow. */
    public record Preview(long articleId, PublicArticle article, String state, int workingRevision, boolean signed,
            Instant nextReviewDue) {
    }

    private record Head(long articleId, String slug, String state, Instant firstPublishedAt, Instant lastReviewedAt,
            Instant nextReviewDue, Instant updatedAt, long revisionId, int number, String title, String summary,
            String bodyMarkdown, PublicArticle.Named category, String contentHash, SearchAppearance seo,
            String leadImage) {
    }

    private final ReadModel db;
    private final Projection projection;
    private final ImagePipeline pipeline;
    private final String mediaBase;

    PreviewArticles(@io.quarkus.agroal.DataSource("preview") DataSource preview, ObjectMapper json,
            MarkdownRenderer renderer, ImagePipeline pipeline, MediaConfig media) {
        this.db = ReadModel.over(preview, json);
        this.projection = new Projection(renderer);
        this.pipeline = pipeline;
        this.mediaBase = media.publicUrl();
    }

    public Optional<Preview> bySlug(String slug) {
        return db.first("""
                SELECT a.id, a.slug, a.status, a.first_published_at, a.last_reviewed_at, a.next_review_due, a.updated_at,
                       r.id AS revision_id, r.number, r.title, r.summary, r.body_markdown, r.content_hash,
                       c.slug AS category_slug, c.name AS category_name,
                       r.meta_title, r.meta_description, r.canonical_url, r.social_image_url, r.noindex, r.lead_image
                FROM article a JOIN revision r ON r.id = COALESCE(a.working_revision_id, a.live_revision_id)
                JOIN category c ON c.id = r.category_id WHERE a.slug = ?""",
                rs -> new Head(rs.getLong("id"), rs.getString("slug"), rs.getString("status"),
                        instant(rs, "first_published_at"), instant(rs, "last_reviewed_at"), instant(rs, "next_review_due"),
                        instant(rs, "updated_at"), rs.getLong("revision_id"), rs.getInt("number"), rs.getString("title"),
                        rs.getString("summary"), rs.getString("body_markdown"),
                        new PublicArticle.Named(rs.getString("category_slug"), rs.getString("category_name")),
                        rs.getString("content_hash"), SearchAppearance.read(rs, 16), rs.getString("lead_image")),
                slug).map(this::preview);
    }

    /** Whether share link {@code linkId} of this article exists and was not revoked (its signature says the rest). */
    public boolean linkStands(long linkId, long articleId) {
        return db.first("SELECT revoked_at IS NULL FROM share_link WHERE id = ? AND article_id = ?", rs -> rs.getBoolean(1),
                linkId, articleId).orElse(false);
    }

    private Preview preview(Head head) {
        List<PublicArticle.Named> tags = db.query("""
                SELECT t.slug, t.name FROM revision_tag rt JOIN tag t ON t.id = rt.tag_id
                WHERE rt.revision_id = ? ORDER BY t.slug""",
                rs -> new PublicArticle.Named(rs.getString(1), rs.getString(2)), head.revisionId());
        List<PublicArticle.AuthorView> authors = db.query("""
                SELECT p.slug, p.display_name, p.credentials, p.bio, p.website, p.avatar_url
                FROM revision_author ra JOIN profile p ON p.id = ra.profile_id
                WHERE ra.revision_id = ? ORDER BY ra.position""",
                rs -> new PublicArticle.AuthorView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)),
                head.revisionId());
        List<PublicArticle.ReferenceView> references = db.query(
                "SELECT " + Reference.COLUMNS + " FROM revision_reference WHERE revision_id = ? ORDER BY position",
                rs -> PublicArticle.ReferenceView.of(Reference.read(rs, 1)), head.revisionId());
        // Signed means a sign-off of exactly this text (its hash), as the workflow requires before it goes live.
        Optional<Projection.Reviewer> signer = db.first("""
                SELECT reviewer_name, reviewer_credentials, conflict_statement FROM sign_off
                WHERE revision_id = ? AND content_hash = ? AND decision IN ('approved', 'recertified')
                ORDER BY signed_at DESC LIMIT 1""",
                rs -> new Projection.Reviewer(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? List.of() : List.of(rs.getString(3))),
                head.revisionId(), head.contentHash());
        List<PublicArticle.CorrectionView> corrections = db.query(
                "SELECT published_at, change_class, note FROM correction WHERE article_id = ? ORDER BY published_at, id",
                rs -> new PublicArticle.CorrectionView(instant(rs, "published_at"), rs.getString(2), rs.getString(3)),
                head.articleId());
        List<PublicArticle.ImageView> images = db.query("""
                SELECT ri.sha256, ri.alt_text, ri.caption, ri.credit, m.license, m.width, m.height, m.format
                FROM revision_image ri JOIN media_asset m ON m.sha256 = ri.sha256
                WHERE ri.revision_id = ? ORDER BY ri.position""",
                rs -> ArticlePictures.view(mediaBase, pipeline,
                        new RevisionImage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getString(5), rs.getInt(6), rs.getInt(7),
                        ImageFormat.valueOf(rs.getString(8).toUpperCase(Locale.ROOT))),
                head.revisionId());
        Projection.LiveArticle article = new Projection.LiveArticle(head.articleId(), head.slug(), head.firstPublishedAt(),
                signer.isPresent() ? head.lastReviewedAt() : null, signer.isPresent() ? head.nextReviewDue() : null,
                head.revisionId(), head.number(), head.title(), head.summary(), head.bodyMarkdown(), head.category(), tags,
                authors, references, head.seo(), signer.orElse(new Projection.Reviewer(null, null, List.of())), corrections,
                images, head.leadImage());
        return new Preview(head.articleId(), projection.view(article, head.updatedAt()), head.state(), head.number(),
                signer.isPresent(),
                signer.isPresent() ? head.nextReviewDue() : null);
    }
}
