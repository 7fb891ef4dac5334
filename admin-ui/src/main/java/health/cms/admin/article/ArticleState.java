package health.cms.admin.article;

import java.time.Instant;
import java.util.List;

import health.cms.admin.readability.ReadabilityView;
import health.cms.core.article.RevisionImage;
import health.cms.core.article.SearchAppearance;
import health.cms.core.publication.PublicArticle;

/**
 * The working state of an article as the management API shows it to the desk. {@code changeClassFloor} is
 * the weakest change class the next approval may give (set when an approved change's scheduled publication
 * was cancelled), or null. {@code readability} is how the working revision reads, measured from its text.
 */
public record ArticleState(
        long id,
        String slug,
        String status,
        long version,
        boolean live,
        Integer liveRevision,
        RevisionView workingRevision,
        ReadabilityView readability,
        Instant createdAt,
        Instant updatedAt,
        Instant firstPublishedAt,
        Instant lastReviewedAt,
        Instant nextReviewDue,
        String reviewStatus,
        String assignedReviewer,
        String changeClassFloor,
        List<String> availableActions,
        List<ScheduledView> scheduled) {

    /** One revision in full, its references as the delivery API shows them; {@code seo} is how it appears in search results and social shares. */
    public record RevisionView(int number, String title, String summary, String body, String category,
            List<String> authors, List<String> tags, List<PublicArticle.ReferenceView> references, SearchAppearance seo,
            String changeNote, String createdBy, Instant createdAt, String contentHash, List<SignOffView> signOffs,
            List<ImageView> images, String leadImage) {
    }

    /** An image the revision shows, with the description signed with it (the library's as the revision was saved). */
    public record ImageView(String sha256, String altText, String caption, String credit) {

        static ImageView of(RevisionImage image) {
            return new ImageView(image.sha256(), image.altText(), image.caption(), image.credit());
        }
    }

    /** The byline, category and tags of a revision by name, as the review screen shows them beside the text. */
    public record Filing(List<Named> byline, Named category, List<Named> tags) {
    }

    /** A catalog record by its slug (what the content hash holds), its name and, for people, credentials. */
    public record Named(String slug, String name, String credentials) {
    }

    /** A medical reviewer's decision on a revision. */
    public record SignOffView(String decision, String reviewer, String reviewerName, String reviewerCredentials,
            String comment, String contentHash, Instant signedAt) {
    }

    /** A planned transition. */
    public record ScheduledView(long id, String action, Instant runAt, String requestedBy) {
    }

    /** One line of a list of articles. */
    public record Summary(long id, String slug, String title, String status, boolean live, String category,
            List<String> authors, Instant updatedAt, Instant nextReviewDue, String reviewStatus, String assignedReviewer,
            long version) {
    }
}
