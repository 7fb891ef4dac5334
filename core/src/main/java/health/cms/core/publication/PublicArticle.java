package health.cms.core.publication;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.cms.core.article.Reference;
import health.cms.core.article.SearchAppearance;
import health.cms.core.markdown.TocEntry;

/**
 * The public view of a live article: what downstream sites render. Built when a revision goes
 * live and stored in the delivery read model; only the review status is added when it is served.
 * {@code seo} is how it asks to appear in search results and social shares ({@code noindex}: keep it out of
 * search engines). {@code jsonLd} is the schema.org object; {@code jsonLdScript} is the same as text ready to embed.
 * {@code locale} is the BCP 47 tag of its language; {@code translation} is set on a translation only (is it current
 * with its source's live text?); {@code translations} are the other live languages of the same article.
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
        SearchAppearance seo,
        Map<String, Object> jsonLd,
        String jsonLdScript,
        List<ImageView> images,
        ImageView leadImage,
        String locale,
        TranslationStatus translation,
        List<Alternate> translations) {

    public PublicArticle {
        // entries projected before images existed have none
        images = images == null ? List.of() : List.copyOf(images);
    }

    /**
     * One of our images as the article shows it: the alt text, caption and credit signed with the revision, the
     * library's license, the original's size, and the URLs of the original and of each rendition (immutable, by
     * the picture's hash).
     */
    public record ImageView(String sha256, String altText, String caption, String credit, String license, int width,
            int height, String url, List<Rendition> renditions) {

        public ImageView {
            renditions = renditions == null ? List.of() : List.copyOf(renditions);
        }

        /** The renditions as an {@code <img srcset>} value. */
        public String srcset() {
            return String.join(", ", renditions.stream().map(r -> r.url() + " " + r.width() + "w").toList());
        }
    }

    /** A stored rendition of an image: its width in pixels and its URL. */
    public record Rendition(int width, String url) {
    }

    /**
     * JSON text made safe to put between {@code <script type="application/ld+json">} and {@code </script>}:
     * {@code <}, {@code >}, {@code &}, U+2028 and U+2029 become {@code \u003c}-style escapes, which JSON
     * readers decode back to the same characters, so no title, name or citation can end the script block or
     * open a comment in it. Those characters can only occur inside JSON strings, where the escape is valid.
     */
    public static String scriptSafe(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The body as sanitized HTML and as its Markdown without raw HTML, images and links the sanitizer drops
     * (see {@code MarkdownRenderer#publicMarkdown}).
     */
    public record Body(String html, String markdown) {
    }

    /**
     * A category or tag: its slug (what lists filter by) and its name in the article's language; {@code localSlug}
     * is its slug in that language when an editor gave one (absent otherwise).
     */
    public record Named(String slug, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String localSlug) {

        public Named(String slug, String name) {
            this(slug, name, null);
        }
    }

    /** The author box. */
    public record AuthorView(String slug, String name, String credentials, String bio, String website,
            String avatarUrl) {
    }

    /**
     * Who signed off the live text, as they were at that moment, when it is due again, and the conflicts of
     * interest the reviewer disclosed with their sign-off (empty when none).
     */
    public record MedicalReview(String reviewerName, String reviewerCredentials, Instant reviewedAt,
            Instant nextReviewDue, String status, List<String> disclosures) {
    }

    /** A structured citation: the line readers see, the parts it names (each may be null) and its identifiers. */
    public record ReferenceView(String citation, String authors, String title, String source, Integer year, String doi,
            String pmid, String url) {

        public static ReferenceView of(Reference reference) {
            return new ReferenceView(reference.citation(), reference.authors(), reference.title(), reference.source(),
                    reference.year(), reference.doi(), reference.pmid(), reference.url());
        }
    }

    /**
     * Whether a translation follows its source's live text: {@code current}, or {@code outdated} since the source
     * changed factually or clinically ({@code sourceChangedAt}, {@code sourceChangeClass}), so a site can show a
     * notice; {@code sourceLocale} is the source's language.
     */
    public record TranslationStatus(String status, Instant sourceChangedAt, String sourceChangeClass,
            String sourceLocale) {

        public static final String CURRENT = "current";
        public static final String OUTDATED = "outdated";
    }

    /**
     * The same article live in another language ({@code source} marks the original): its locale, slug and
     * address (the address is added by the API that serves it).
     */
    public record Alternate(String locale, String slug, boolean source, String url) {
    }

    /** A public record of a change to the live article. */
    public record CorrectionView(Instant date, String changeClass, String note) {
    }
}
