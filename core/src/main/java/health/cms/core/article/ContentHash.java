package health.cms.core.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import health.cms.core.profile.Profile;
import health.cms.core.taxonomy.Tag;

/**
 * SHA-256 over a canonical form of everything a reader sees of a revision.
 *
 * <p>
 * The canonical form is a list of length-prefixed fields in a fixed order, with line endings
 * normalised, so the hash changes exactly when visible content changes: not for a change note, not
 * for CRLF versus LF, not for the order in which tags were picked.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(RevisionContent content) {
        return of(content.title(), content.summary(), content.bodyMarkdown(), content.category().slug(),
                content.authors().stream().map(Profile::slug).toList(),
                content.tags().stream().map(Tag::slug).toList(), content.references(), content.appearance(),
                content.images(), content.leadImage());
    }

    /** The hash of stored values without search or social fields (as every revision before them). */
    public static String of(String title, String summary, String bodyMarkdown, String categorySlug,
            List<String> authorSlugs, Collection<String> tagSlugs, List<Reference> references) {
        return of(title, summary, bodyMarkdown, categorySlug, authorSlugs, tagSlugs, references, SearchAppearance.NONE);
    }

    /**
     * The same hash from stored values, for checking revisions read back without entities (a restored
     * backup). Authors in byline order; tags in any order.
     *
     * <p>
     * Fields added after content was first signed (a reference's parts, the search and social fields) enter
     * the canonical form only when set, so every hash stored before them stays valid. Of the search fields,
     * only those readers see are hashed: the meta title and description (the search result) and the social
     * image (the card). The canonical URL and noindex speak to machines and are not signed.
     */
    public static String of(String title, String summary, String bodyMarkdown, String categorySlug,
            List<String> authorSlugs, Collection<String> tagSlugs, List<Reference> references,
            SearchAppearance appearance) {
        return of(title, summary, bodyMarkdown, categorySlug, authorSlugs, tagSlugs, references, appearance, List.of(),
                null);
    }

    /**
     * The full hash, images included: each image the revision shows, in its stored order, with the hash of its
     * bytes and the alt text, caption and credit readers get, then the lead image's hash. Images came after
     * content was first signed, so a revision without any hashes exactly as before them.
     */
    public static String of(String title, String summary, String bodyMarkdown, String categorySlug,
            List<String> authorSlugs, Collection<String> tagSlugs, List<Reference> references,
            SearchAppearance appearance, List<RevisionImage> images, String leadImage) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "title", title);
        field(canonical, "summary", summary);
        field(canonical, "body", bodyMarkdown);
        field(canonical, "category", categorySlug);
        for (String author : authorSlugs) {
            field(canonical, "author", author);
        }
        tagSlugs.stream().sorted().forEach(slug -> field(canonical, "tag", slug));
        for (Reference reference : references) {
            field(canonical, "ref.citation", reference.citation());
            field(canonical, "ref.doi", reference.doi());
            field(canonical, "ref.pmid", reference.pmid());
            field(canonical, "ref.url", reference.url());
            optionalField(canonical, "ref.authors", reference.authors());
            optionalField(canonical, "ref.title", reference.title());
            optionalField(canonical, "ref.source", reference.source());
            optionalField(canonical, "ref.year", reference.year() == null ? null : reference.year().toString());
        }
        optionalField(canonical, "meta.title", appearance.metaTitle());
        optionalField(canonical, "meta.description", appearance.metaDescription());
        optionalField(canonical, "social.image", appearance.socialImageUrl());
        for (RevisionImage image : images) {
            field(canonical, "image.sha256", image.sha256());
            field(canonical, "image.alt", image.altText());
            field(canonical, "image.caption", image.caption());
            field(canonical, "image.credit", image.credit());
        }
        optionalField(canonical, "lead.image", leadImage);
        return sha256(canonical.toString());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A field that was added later: absent from the canonical form when empty, as in every older revision. */
    private static void optionalField(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            field(out, name, value);
        }
    }

    private static void field(StringBuilder out, String name, String value) {
        String normalised = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        out.append(name).append(':').append(normalised.length()).append(':').append(normalised).append('\n');
    }

    /** Hash of an ordered list of strings, for chaining records such as audit events. */
    public static String ofFields(List<String> fields) {
        StringBuilder canonical = new StringBuilder();
        for (String value : fields) {
            field(canonical, "f", value);
        }
        return sha256(canonical.toString());
    }
}
