package health.cms.delivery.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import health.cms.core.locale.Locales;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves a repeated GET straight from the response cache on the event loop, ahead of the JAX-RS
 * resources: the same bytes and headers they would send, without a hop to a worker thread, parameter
 * binding or response building. Anything it cannot answer from the cache exactly as the resource would
 * (a miss, another method, a narrower {@code Accept}) goes on to the resource unchanged. It runs after
 * the edge filter, so security headers and the rate limit apply as to every request.
 */
@ApplicationScoped
public class CachedAnswers {

    private static final CharSequence SURROGATE_KEY = HttpHeaders.createOptimized("Surrogate-Key");
    private static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    private static final CharSequence CONTENT_LANGUAGE = HttpHeaders.createOptimized("Content-Language");
    private static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence VARY_LANGUAGE = HttpHeaders.createOptimized("Accept-Encoding, Accept-Language");
    private static final CharSequence ACCEPT_LANGUAGE = HttpHeaders.createOptimized("Accept-Language");

    private final ResponseCache cache;
    private final CharSequence cacheControl;
    private final String defaultLocale;

    CachedAnswers(ResponseCache cache, Responses responses, Locales locales) {
        this.cache = cache;
        this.cacheControl = HttpHeaders.createOptimized(responses.cacheControl());
        this.defaultLocale = locales.defaultLocale();
    }

    void register(@Observes Router router) {
        router.get("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        CachedResponse cached = negotiated(cache.ready(ResponseCache.requestKey(request.uri())),
                request.getHeader(ACCEPT_LANGUAGE));
        if (cached == null || !accepts(request.getHeader(HttpHeaders.ACCEPT), cached.contentType())) {
            rc.next();
            return;
        }
        boolean unchanged = cached.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH));
        MultiMap headers = rc.response().headers();
        headers.add(HttpHeaders.ETAG, cached.etag())
                .add(HttpHeaders.CACHE_CONTROL, cacheControl)
                .add(SURROGATE_KEY, String.join(" ", cached.surrogateKeys()))
                .add(HttpHeaders.VARY, cached.locales() == null ? VARY_ENCODING : VARY_LANGUAGE);
        if (cached.locales() != null && cached.locales().locale() != null) {
            headers.add(CONTENT_LANGUAGE, cached.locales().locale());
        }
        if (cached.next() != null) {
            headers.add(LINK, "<" + cached.next() + ">; rel=\"next\"");
        }
        if (unchanged) {
            rc.response().setStatusCode(304).end();
            return;
        }
        headers.add(HttpHeaders.CONTENT_TYPE, cached.contentType());
        rc.response().end(cached.ready());
    }

    /**
     * The article in the language the reader asks for, if its answer is cached too; null (the resource answers)
     * when it is not. Answers without other languages are what they are.
     */
    private CachedResponse negotiated(CachedResponse cached, String acceptLanguage) {
        if (cached == null || acceptLanguage == null || cached.locales() == null
                || cached.locales().slugs().size() < 2) {
            return cached;
        }
        ArticleLocales locales = cached.locales();
        String slug = locales.choose(ArticleLocales.ranges(acceptLanguage), defaultLocale);
        return slug == null || slug.equals(locales.slugs().get(locales.locale()))
                ? cached
                : cache.ready(ResponseCache.ARTICLE_PREFIX + slug);
    }

    /** Only what the resource would answer with this body: no {@code Accept}, any type, or exactly this one. */
    private static boolean accepts(String accept, String contentType) {
        return accept == null || accept.equals("*/*") || accept.equals(contentType);
    }
}
