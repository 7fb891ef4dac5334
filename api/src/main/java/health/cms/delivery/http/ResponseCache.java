package health.cms.delivery.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Rendered responses by request key. An article's entry is evicted when that article changes; every
 * other entry (lists, feeds, search, sitemap) is evicted on any change, since any change can move it.
 * <p>
 * Besides its resource's key, an answer is also kept under the exact request line that produced it
 * ({@link #requestKey}), so {@link CachedAnswers} can serve a repeat of that request on the event loop
 * without the resource. Such an alias is only ever made from an answer the resource rendered for that
 * very request, so it can never answer a request the resource would refuse.
 */
@ApplicationScoped
public class ResponseCache {

    static final String ARTICLE_PREFIX = "article:";
    private static final String REQUEST_PREFIX = "request:";
    private static final String ARTICLE_PATH = "/api/v1/articles/";

    private final DeliveryConfig config;
    private final Cache<String, CachedResponse> cache;
    /** Moves on every eviction, so an answer rendered before a change is never aliased after it. */
    private final AtomicLong generation = new AtomicLong();

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
        return get(key, null, render);
    }

    /** As {@link #get(String, Supplier)}, keeping the answer under {@code requestKey} too (null: no alias). */
    public CachedResponse get(String key, String requestKey, Supplier<CachedResponse> render) {
        if (!config.cache().enabled()) {
            return render.get();
        }
        long seen = generation.get();
        // One computation per key: concurrent misses wait for it instead of all querying PostgreSQL.
        // A null result (nothing live there) is not cached.
        CachedResponse answer = cache.get(key, k -> render.get());
        if (answer != null && requestKey != null && generation.get() == seen) {
            cache.put(requestKey, answer);
        }
        return answer;
    }

    /** The answer already kept for this key, or null; never renders. */
    public CachedResponse ready(String key) {
        return cache.getIfPresent(key);
    }

    /**
     * The key an answer to this request line (path and query, as sent) is kept under: an article by its
     * own key, so a change to one article keeps every other article's entry.
     */
    static String requestKey(String uri) {
        boolean article = uri.startsWith(ARTICLE_PATH) && uri.length() > ARTICLE_PATH.length()
                && uri.indexOf('/', ARTICLE_PATH.length()) < 0 && uri.indexOf('?') < 0;
        return article ? ARTICLE_PREFIX + uri.substring(ARTICLE_PATH.length()) : REQUEST_PREFIX + uri;
    }

    /** Drops what a change to this article can affect. */
    public void changed(String slug) {
        generation.incrementAndGet();
        cache.asMap().keySet().removeIf(key -> !key.startsWith(ARTICLE_PREFIX) || key.equals(ARTICLE_PREFIX + slug));
    }

    public void clear() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
