package health.cms.admin.share;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Share links to working revisions, under {@code cms.preview}: the key that signs them (the api checks it with
 * the same {@code CMS_PREVIEW_LINK_KEY}), how long they last, and where each downstream site previews a draft.
 */
@ConfigMapping(prefix = "cms.preview")
public interface PreviewConfig {

    /** HMAC key of the links' tokens, 32 characters or more, the same in admin-ui and the api. */
    String linkKey();

    /** How long a new link works. */
    @WithDefault("P7D")
    Duration linkTtl();

    /** The api's own preview URL, with {@code {slug}} and {@code {token}}: offered when no site is configured. */
    @WithDefault("http://localhost:8080/api/v1/preview/articles/{slug}?token={token}")
    String apiUrl();

    /** Downstream sites by name, each with the URL of its preview page ({@code cms.preview.sites.NAME.url-template}). */
    Map<String, Site> sites();

    /** A downstream site's preview page. */
    interface Site {

        /** e.g. {@code https://partner.example/preview?slug={slug}&token={token}}. */
        String urlTemplate();
    }
}
