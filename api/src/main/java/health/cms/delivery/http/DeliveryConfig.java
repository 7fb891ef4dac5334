package health.cms.delivery.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the delivery API, under the {@code cms.delivery} prefix. */
@ConfigMapping(prefix = "cms.delivery")
public interface DeliveryConfig {

    /** Where readers find an article; feeds and the sitemap link there ({slug} is replaced). */
    @WithDefault("http://localhost:8080/api/v1/articles/{slug}")
    String articleUrl();

    /** The name feeds give the publication. */
    @WithDefault("Medical CMS")
    String siteName();

    Cache cache();

    /** HTTP caching headers sent to browsers and CDNs. */
    @WithDefault("60")
    int maxAgeSeconds();

    @WithDefault("300")
    int staleWhileRevalidateSeconds();

    /** The in-process cache of rendered responses. */
    interface Cache {

        @WithDefault("true")
        boolean enabled();

        /** Bounded by bytes, not entries, so memory stays predictable whatever the article sizes. */
        @WithDefault("48")
        int maxMegabytes();

        /** Entries also expire after this, because a review status can change with time alone. */
        @WithDefault("60s")
        Duration ttl();
    }
}
