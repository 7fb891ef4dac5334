package health.cms.admin.share;

import java.time.Instant;
import java.util.List;

/** A share link with the URL to open on each configured site. */
public record ShareLinkView(long id, long articleId, String slug, String createdBy, Instant createdAt, Instant expiresAt,
        Instant revokedAt, String revokedBy, List<SiteUrl> urls) {

    /** Where one site shows the draft. */
    public record SiteUrl(String site, String url) {
    }

    /** True while the link opens the draft. */
    public boolean working(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
