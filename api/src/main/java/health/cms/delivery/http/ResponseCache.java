package health.cms.delivery.http;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Rendered responses by request key. An article's entry is evicted when that article changes; every
 * other entry (lists, feeds, search, sitemap) is evicted on any change, since any change can move it.
 */
@ApplicationScoped
public class ResponseCache {

    static final String ARTICLE_PREFIX = "article:";

    private final DeliveryConfig config;
    private final Cache<String, CachedResponse> cache;

    ResponseCache(DeliveryConfig config) {
        this.config = config;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.cache().maxMegabytes() * 1024L * 1024L)
                .weigher((String key, CachedResponse value) -> key.length() + value.body().length)
                .expireAfterWrite(config.cache().ttl())
                .build();
    }

    public CachedResponse article(String slug, Supplier<CachedResponse> render) {
        return get(ARTICLE_PREFIX + slug, render);
    }

    public CachedResponse get(String key, Supplier<CachedResponse> render) {
        if (!config.cache().enabled()) {
            return render.get();
        }
        // One computation per key: concurrent misses wait for it instead of all querying PostgreSQL.
        // A null result (nothing live there) is not cached.
        return cache.get(key, k -> render.get());
    }

    /** Drops what a change to this article can affect. */
    public void changed(String slug) {
        cache.asMap().keySet().removeIf(key -> !key.startsWith(ARTICLE_PREFIX) || key.equals(ARTICLE_PREFIX + slug));
    }

    public void clear() {
        cache.invalidateAll();
    }
}
