package health.cms.delivery.preview;

import io.smallrye.config.ConfigMapping;

/** The key admin-ui signs share links with, under {@code cms.preview} ({@code CMS_PREVIEW_LINK_KEY}). */
@ConfigMapping(prefix = "cms.preview")
public interface PreviewLinkConfig {

    /** HMAC key of share links, the same as admin-ui's. */
    String linkKey();
}
