package health.cms.delivery.edge;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.problem.Problem;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request to the public API passes first, before any route: the security headers, the
 * refusal of anything but bodiless reads (the API is read-only, and Quarkus's own {@code /q} endpoints
 * would otherwise answer any method), and the per-client rate limit, which covers Quarkus's own
 * {@code /q} endpoints too. It runs on the event loop for every request, so it only compares strings
 * and adds pre-encoded headers; it reads the method and path before any header, and a header it reads
 * can only fall back, never fail, so a malformed one gets a clear answer and never a 500.
 */
@ApplicationScoped
public class EdgeFilter {

    /** Ahead of the routes, so a refused request costs no more than this. */
    static final int PRIORITY = 1_000;

    /** A JSON API loads nothing and may be framed by nothing. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /**
     * The Swagger UI page runs its own scripts and styles (one of each inline) and loads the OpenAPI
     * document from this origin; it still may not be framed.
     */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private static final CharSequence CSP = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence API_CSP = HttpHeaders.createOptimized(API_POLICY);
    private static final CharSequence SWAGGER_CSP = HttpHeaders.createOptimized(SWAGGER_POLICY);
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final String COUNTED = EdgeFilter.class.getName() + ".counted";
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);

    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final byte[] tooManyRequests;
    private final byte[] methodNotAllowed;
    private final byte[] bodyRefused;

    EdgeFilter(RateLimiter limiter, RateLimitConfig config, ObjectMapper json) {
        this.limiter = limiter;
        this.clients = ClientAddress.of(config);
        this.tooManyRequests = body(json, Problem.of(429, "rate-limited", "Too many requests",
                "This client sent more than " + config.perSecond() + " requests per second (bursts of up to "
                        + config.burst() + "); retry after the number of seconds in Retry-After"));
        this.methodNotAllowed = body(json, Problem.of(405, "method-not-allowed", "Method not allowed",
                "The delivery API is read-only: use GET or HEAD"));
        this.bodyRefused = body(json, Problem.of(413, "body-not-accepted", "Request body not accepted",
                "The delivery API reads nothing from a request body; send the request without one"));
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    void filter(RoutingContext rc) {
        String path = rc.normalizedPath();
        MultiMap headers = rc.response().headers();
        headers.add(NOSNIFF_NAME, NOSNIFF);
        headers.add(REFERRER_NAME, NO_REFERRER);
        headers.add(CSP, path.startsWith("/q/swagger-ui") ? SWAGGER_CSP : API_CSP);

        HttpMethod method = rc.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS) {
            refuse(rc, 405).putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS").end(Buffer.buffer(methodNotAllowed));
            return;
        }
        if (hasBody(rc)) {
            // Unread, so the connection cannot carry another request after this answer.
            refuse(rc, 413).putHeader(HttpHeaders.CONNECTION, "close").end(Buffer.buffer(bodyRefused));
            return;
        }
        if (limiter.enabled() && !rerouted(rc, path)) {
            SocketAddress connection = rc.request().remoteAddress();
            String client = clients.key(connection == null ? null : connection.hostAddress(), rc.request().headers());
            long wait = limiter.acquire(client);
            if (wait > 0) {
                long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
                refuse(rc, 429).putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).end(Buffer.buffer(tooManyRequests));
                return;
            }
        }
        rc.next();
    }

    /**
     * True when a route of Quarkus's own rerouted this request (Swagger UI's folder to its index page), which
     * runs this filter again on a request already counted. Only {@code /q} routes do that, so the API's
     * requests never pay for the mark.
     */
    private static boolean rerouted(RoutingContext rc, String path) {
        if (!path.startsWith("/q/")) {
            return false;
        }
        if (rc.get(COUNTED) != null) {
            return true;
        }
        rc.put(COUNTED, Boolean.TRUE);
        return false;
    }

    private static boolean hasBody(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.equals("0") || rc.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static HttpServerResponse refuse(RoutingContext rc, int status) {
        return rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static byte[] body(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is a plain record", e);
        }
    }
}
