package health.cms.delivery.edge;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.problem.Problem;
import health.cms.delivery.apikey.ApiKeyConfig;
import health.cms.delivery.apikey.KeyGate;
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
 * would otherwise answer any method; a GraphQL query by {@code POST /graphql} is the one read with a body), and the per-client rate limit, which covers Quarkus's own
 * {@code /q} endpoints too, and the API key check (a working key has a bucket of its own, with a higher
 * limit; a wrong one, or none where one is needed, is refused here). It runs on the event loop for every request, so it only compares strings
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
    private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    private static final CharSequence BEARER = HttpHeaders.createOptimized("Bearer");
    private static final String GRAPHQL_PATH = "/graphql";
    private static final CharSequence PROBLEM_JSON = HttpHeaders.createOptimized(Problem.MEDIA_TYPE);

    private final RateLimiter limiter;
    private final RateLimiter keyLimiter;
    private final KeyGate keys;
    private final ClientAddress clients;
    private final byte[] tooManyRequests;
    private final byte[] keyTooManyRequests;
    private final byte[] unknownKey;
    private final byte[] keyRequired;
    private final byte[] previewKeyRequired;
    private final byte[] previewScopeMissing;
    private final byte[] methodNotAllowed;
    private final byte[] bodyRefused;

    EdgeFilter(RateLimiter limiter, RateLimitConfig config, KeyGate keys, ApiKeyConfig keyConfig, Ticker ticker,
            ObjectMapper json) {
        this.limiter = limiter;
        // A key is one bucket for all its callers, however many addresses they send from.
        this.keyLimiter = new RateLimiter(keyConfig.perSecond(), keyConfig.burst(), config.maxClients(), ticker);
        this.keys = keys;
        this.clients = ClientAddress.of(config);
        this.keyTooManyRequests = body(json, Problem.of(429, "rate-limited", "Too many requests",
                "This API key sent more than " + keyConfig.perSecond() + " requests per second (bursts of up to "
                        + keyConfig.burst() + "); retry after the number of seconds in Retry-After"));
        this.unknownKey = body(json, Problem.of(401, "api-key-unknown", "Unknown API key",
                "The API key sent is not a working key of this API: it was mistyped, rotated or revoked. Ask the "
                        + "publisher's editors for a current key, or send no key to read published content"));
        this.keyRequired = body(json, Problem.of(401, "api-key-required", "API key required",
                "This API needs a key: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"));
        this.previewKeyRequired = body(json, Problem.of(401, "preview-key-required", "Preview key required",
                "The preview API serves unpublished revisions to preview-key holders only: send a preview key as "
                        + "'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"));
        this.previewScopeMissing = body(json, Problem.of(403, "preview-scope-missing", "Not a preview key",
                "This key has the delivery scope; the preview API needs a key with the preview scope"));
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
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS
                && !graphQuery(method, path)) {
            refuse(rc, 405).putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS").end(Buffer.buffer(methodNotAllowed));
            return;
        }
        if (hasBody(rc) && !graphQuery(method, path)) {
            // Unread, so the connection cannot carry another request after this answer.
            refuse(rc, 413).putHeader(HttpHeaders.CONNECTION, "close").end(Buffer.buffer(bodyRefused));
            return;
        }
        KeyGate.Decision decision = keys.decide(path, rc.request().headers(), rc.request().query());
        if (decision.key() != null) {
            if (keyLimiter.enabled()
                    && tooMany(rc, keyLimiter.acquire(Long.toString(decision.key().id())), keyTooManyRequests)) {
                return;
            }
        } else if (limiter.enabled() && !rerouted(rc, path)) {
            SocketAddress connection = rc.request().remoteAddress();
            String client = clients.key(connection == null ? null : connection.hostAddress(), rc.request().headers());
            if (tooMany(rc, limiter.acquire(client), tooManyRequests)) {
                return;
            }
        }
        switch (decision.verdict()) {
            case ANONYMOUS, KEYED -> rc.next();
            case UNKNOWN_KEY -> unauthorized(rc).end(Buffer.buffer(unknownKey));
            case KEY_REQUIRED -> unauthorized(rc).end(Buffer.buffer(keyRequired));
            case PREVIEW_KEY_REQUIRED -> unauthorized(rc).end(Buffer.buffer(previewKeyRequired));
            case PREVIEW_SCOPE_MISSING -> refuse(rc, 403).end(Buffer.buffer(previewScopeMissing));
        }
    }

    /** A GraphQL query sent by POST: the one request with a body the API reads (its size is checked there). */
    private static boolean graphQuery(HttpMethod method, String path) {
        return method == HttpMethod.POST && path.equals(GRAPHQL_PATH);
    }

    /** Answers 429 when the bucket had to wait; true when it did. */
    private static boolean tooMany(RoutingContext rc, long wait, byte[] body) {
        if (wait <= 0) {
            return false;
        }
        long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        refuse(rc, 429).putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).end(Buffer.buffer(body));
        return true;
    }

    private static HttpServerResponse unauthorized(RoutingContext rc) {
        return refuse(rc, 401).putHeader(WWW_AUTHENTICATE, BEARER);
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
