package health.cms.core.publication;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import health.cms.core.markdown.TocEntry;

/**
 * The public view of a live article: what downstream sites render. Built when a revision goes
 * live and stored in the delivery read model; only the review status is added when it is served.
 */
public record PublicArticle(
        String slug,
        String title,
        String summary,
        Body body,
        List<TocEntry> tableOfContents,
        Named category,
        List<Named> tags,
        List<AuthorView> authors,
        MedicalReview medicalReview,
        List<ReferenceView> references,
        List<CorrectionView> corrections,
        Instant firstPublishedAt,
        Instant updatedAt,
        int revision,
        Map<String, Object> jsonLd) {

    /** The body as sanitized HTML and as the Markdown it came from. */
    public record Body(String html, String markdown) {
    }

    /** A category or tag. */
    public record Named(String slug, String name) {
    }

    /** The author box. */
    public record AuthorView(String slug, String name, String credentials, String bio, String website,
            String avatarUrl) {
    }

    /** Who signed off the live text, as they were at that moment, and when it is due again. */
    public record MedicalReview(String reviewerName, String reviewerCredentials, Instant reviewedAt,
            Instant nextReviewDue, String status) {
    }

    /** A structured citation. */
    public record ReferenceView(String citation, String doi, String pmid, String url) {
    }

    /** A public record of a change to the live article. */
    public record CorrectionView(Instant date, String changeClass, String note) {
    }
}
