package health.cms.core.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
        StringBuilder canonical = new StringBuilder();
        field(canonical, "title", content.title());
        field(canonical, "summary", content.summary());
        field(canonical, "body", content.bodyMarkdown());
        field(canonical, "category", content.category().slug());
        for (Profile author : content.authors()) {
            field(canonical, "author", author.slug());
        }
        content.tags().stream().map(Tag::slug).sorted().forEach(slug -> field(canonical, "tag", slug));
        for (Reference reference : content.references()) {
            field(canonical, "ref.citation", reference.citation());
            field(canonical, "ref.doi", reference.doi());
            field(canonical, "ref.pmid", reference.pmid());
            field(canonical, "ref.url", reference.url());
        }
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
