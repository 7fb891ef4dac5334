package health.cms.delivery.edge;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-client rate limit of the public API, under {@code cms.rate-limit} (environment variables
 * {@code CMS_RATE_LIMIT_PER_SECOND}, {@code CMS_RATE_LIMIT_BURST}, {@code CMS_RATE_LIMIT_TRUSTED_PROXIES},
 * {@code CMS_RATE_LIMIT_FORWARDED_HEADER}).
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
     * The addresses our own load balancers or CDN connect from, as CIDR ranges ({@code 10.0.0.0/8,2001:db8::/32})
     * or single addresses. Only a connection from one of them may name the client in
     * {@link #forwardedHeader()}; without any (the default) that header, which any client can write, is ignored.
     */
    Optional<List<String>> trustedProxies();

    /** Which header the trusted proxies append to: {@code x-forwarded-for} (the default) or {@code forwarded}. */
    @WithDefault("x-forwarded-for")
    ForwardedHeader forwardedHeader();

    /** Clients tracked at once; beyond it the least recently seen are forgotten, so memory stays bounded. */
    @WithDefault("100000")
    int maxClients();
}
