package health.cms.delivery.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-client rate limit of the public API, under {@code cms.rate-limit} (environment variables
 * {@code CMS_RATE_LIMIT_PER_SECOND}, {@code CMS_RATE_LIMIT_BURST}, {@code CMS_RATE_LIMIT_TRUSTED_PROXIES}).
 */
@ConfigMapping(prefix = "cms.rate-limit")
public interface RateLimitConfig {

    /** Sustained requests per second one client may send; 0 turns the limit off. */
    @WithDefault("300")
    int perSecond();

    /** How many requests a client may send at once before the sustained rate applies (the bucket's size). */
    @WithDefault("600")
    int burst();

    /**
     * How many proxies in front of the api append the client's address to {@code X-Forwarded-For}. 0
     * (no trusted proxy) ignores the header, which any client can forge, and uses the connection's
     * address; 1 uses the last address in it (the one our own load balancer or CDN added), and so on.
     */
    @WithDefault("0")
    int trustedProxies();

    /** Clients tracked at once; beyond it the least recently seen are forgotten, so memory stays bounded. */
    @WithDefault("100000")
    int maxClients();
}
