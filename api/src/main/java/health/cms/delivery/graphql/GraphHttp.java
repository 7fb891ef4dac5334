package health.cms.delivery.graphql;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.problem.Problem;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.ResponseCache;
import health.cms.delivery.http.Responses;
import health.cms.delivery.search.LiveSearch;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP at {@code /graphql}, in place of SmallRye's own handler (which still builds the schema, executes queries
 * and serves {@code /graphql/schema.graphql}): a query sent by GET is answered like the REST endpoints, from the
 * response cache with a strong ETag, {@code 304}, {@code Cache-Control: public} and the {@code articles}
 * surrogate key, so a CDN can hold it (a change to any article evicts it, as it does lists); a POST, an answer
 * with errors and a preview are never stored ({@code private, no-store}). Queries with their variables are at
 * most {@value #MAX_QUERY} bytes; every refusal is problem+json.
 */
@ApplicationScoped
public class GraphHttp {

    /** Set on the request by a resolver whose answer is for this caller only (the preview). */
    static final String PRIVATE = GraphHttp.class.getName() + ".private";
    /** The largest query (with its variables) taken, by GET or POST. */
    public static final int MAX_QUERY = 10 * 1024;
    static final String PATH = "/graphql";
    /**
     * After the edge filter (a filter of priority 1,000 is route order -1,000) and before SmallRye's routes at
     * {@code /graphql}, which come first among the ordinary routes (its websocket route is -99).
     */
    static final int ROUTE_ORDER = -500;

    private static final Logger LOG = Logger.getLogger(GraphHttp.class);
    private static final String NO_STORE = "private, no-store";
    private static final String JSON = "application/json";
    private static final CharSequence SURROGATE_KEY = HttpHeaders.createOptimized("Surrogate-Key");
    private static final String INVALID = "One or more parameters are invalid";

    private final ResponseCache cache;
    private final LiveSearch search;
    private final GraphExecutor executor;
    private final String cacheControl;
    private final byte[] tooLarge;
    private final byte[] lengthRequired;
    private final byte[] notJson;
    private final byte[] queryRequired;
    private final byte[] variablesInvalid;
    private final byte[] methodNotAllowed;
    private final byte[] failed;

    GraphHttp(ResponseCache cache, LiveSearch search, GraphExecutor executor, Responses responses, ObjectMapper json) {
        this.cache = cache;
        this.search = search;
        this.executor = executor;
        this.cacheControl = responses.cacheControl();
        this.tooLarge = body(json, Problem.of(413, "graphql-query-too-large", "GraphQL query too large",
                "A GraphQL query with its variables may be at most " + MAX_QUERY + " bytes"));
        this.lengthRequired = body(json, Problem.of(411, "length-required", "Length required",
                "Send a GraphQL POST with a Content-Length header"));
        this.notJson = body(json, Problem.of(415, "graphql-json-only", "Unsupported media type",
                "POST /graphql takes application/json: {\"query\": \"...\", \"variables\": {...}, \"operationName\": \"...\"}"));
        this.queryRequired = body(json, Problem.invalid(INVALID,
                Map.of("query", "is required: GET /graphql?query={...} or POST {\"query\": \"{...}\"}")));
        this.variablesInvalid = body(json, Problem.invalid(INVALID,
                Map.of("variables", "must be a JSON object; operationName must be a string")));
        this.methodNotAllowed = body(json, Problem.of(405, "method-not-allowed", "Method not allowed",
                "GraphQL takes GET (cacheable) and POST"));
        this.failed = body(json, Problem.of(500, "internal-error", "Internal error",
                "The server could not answer this request; the failure has been logged"));
    }

    void register(@Observes Router router) {
        router.route(PATH).order(ROUTE_ORDER).handler(this::handle);
        // SmallRye's schema route answers GET only: it leaves OPTIONS hanging and refuses HEAD without a problem.
        router.route(PATH + "/schema.graphql").order(ROUTE_ORDER).handler(rc -> {
            HttpMethod method = rc.request().method();
            if (method == HttpMethod.GET) {
                rc.next();
            } else if (method == HttpMethod.OPTIONS) {
                rc.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS").end();
            } else {
                problem(rc, 405, methodNotAllowed);
            }
        });
    }

    void handle(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            get(rc);
        } else if (method == HttpMethod.POST) {
            post(rc);
        } else if (method == HttpMethod.OPTIONS) {
            rc.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS").end();
        } else {
            problem(rc, 405, methodNotAllowed);
        }
    }

    private void get(RoutingContext rc) {
        String query = rc.request().getParam("query");
        String variables = rc.request().getParam("variables");
        String operation = rc.request().getParam("operationName");
        if (query == null || query.isBlank()) {
            problem(rc, 400, queryRequired);
            return;
        }
        if (GraphInput.length(query, variables, operation) > MAX_QUERY) {
            problem(rc, 413, tooLarge);
            return;
        }
        JsonObject input = GraphInput.fromParameters(query, variables, operation);
        if (input == null) {
            problem(rc, 400, variablesInvalid);
            return;
        }
        String key = "graphql:" + search.generation() + ":" + rc.request().uri();
        CachedResponse cached = cache.ready(key);
        if (cached != null) {
            answer(rc, cached);
            return;
        }
        rc.vertx().executeBlocking(() -> executor.execute(rc, input), false).onComplete(done -> {
            if (done.failed()) {
                failed(rc, done.cause());
            } else if (done.result().shared()) {
                answer(rc, cache.get(key,
                        () -> CachedResponse.of(done.result().body(), JSON, List.of("articles"))));
            } else {
                privately(rc, done.result().body());
            }
        });
    }

    private void post(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            problem(rc, 411, lengthRequired);
            return;
        }
        if (length.length() > 9 || !length.chars().allMatch(Character::isDigit) || Long.parseLong(length) > MAX_QUERY) {
            problem(rc, 413, tooLarge);
            return;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(JSON)) {
            problem(rc, 415, notJson);
            return;
        }
        if (rc.body().available()) {
            // Read already, by a body handler another extension put in front of every route.
            posted(rc, rc.body().buffer());
            return;
        }
        rc.request().body().onComplete(read -> {
            if (read.failed()) {
                problem(rc, 413, tooLarge);
            } else {
                posted(rc, read.result());
            }
        });
        rc.request().resume();
    }

    private void posted(RoutingContext rc, Buffer body) {
        JsonObject input = body == null ? null : GraphInput.fromBody(body);
        if (input == null) {
            problem(rc, 400, variablesInvalid);
            return;
        }
        if (!(input.get("query") instanceof JsonString query) || query.getString().isBlank()) {
            problem(rc, 400, queryRequired);
            return;
        }
        rc.vertx().executeBlocking(() -> executor.execute(rc, input), false).onComplete(done -> {
            if (done.failed()) {
                failed(rc, done.cause());
            } else {
                privately(rc, done.result().body());
            }
        });
    }

    private void answer(RoutingContext rc, CachedResponse cached) {
        MultiMap headers = rc.response().headers();
        headers.add(HttpHeaders.ETAG, cached.etag()).add(HttpHeaders.CACHE_CONTROL, cacheControl)
                .add(SURROGATE_KEY, String.join(" ", cached.surrogateKeys()))
                .add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (cached.matches(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            rc.response().setStatusCode(304).end();
            return;
        }
        headers.add(HttpHeaders.CONTENT_TYPE, cached.contentType());
        rc.response().end(cached.ready());
    }

    private static void privately(RoutingContext rc, byte[] body) {
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .end(Buffer.buffer(body));
    }

    private void failed(RoutingContext rc, Throwable cause) {
        LOG.error("Unexpected failure while answering a GraphQL query", cause);
        problem(rc, 500, failed);
    }

    private static void problem(RoutingContext rc, int status, byte[] body) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(Buffer.buffer(body));
    }

    private static byte[] body(ObjectMapper json, Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is a plain record", e);
        }
    }
}
