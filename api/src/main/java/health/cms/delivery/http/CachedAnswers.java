package health.cms.delivery.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
    private static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");

    private final ResponseCache cache;
    private final CharSequence cacheControl;

    CachedAnswers(ResponseCache cache, Responses responses) {
        this.cache = cache;
        this.cacheControl = HttpHeaders.createOptimized(responses.cacheControl());
    }

    void register(@Observes Router router) {
        router.get("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        CachedResponse cached = cache.ready(ResponseCache.requestKey(request.uri()));
        if (cached == null || !accepts(request.getHeader(HttpHeaders.ACCEPT), cached.contentType())) {
            rc.next();
            return;
        }
        boolean unchanged = cached.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH));
        MultiMap headers = rc.response().headers();
        headers.add(HttpHeaders.ETAG, cached.etag())
                .add(HttpHeaders.CACHE_CONTROL, cacheControl)
                .add(SURROGATE_KEY, String.join(" ", cached.surrogateKeys()))
                .add(HttpHeaders.VARY, ACCEPT_ENCODING);
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

    /** Only what the resource would answer with this body: no {@code Accept}, any type, or exactly this one. */
    private static boolean accepts(String accept, String contentType) {
        return accept == null || accept.equals("*/*") || accept.equals(contentType);
    }
}
