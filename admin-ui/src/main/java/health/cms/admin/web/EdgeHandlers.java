package health.cms.admin.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.core.problem.Problem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The requests and failures that never reach, or escape, the REST layer and its exception mappers:
 * a gate in front of every route, and the router's failure handler. Both answer like {@link Failures}
 * does, problem+json for the management API and a plain error page for the desk, never a stack trace;
 * no resource has been chosen here, so the path tells the surface ({@link Failures#isApiPath}).
 */
@ApplicationScoped
public class EdgeHandlers {

    private static final Logger LOG = Logger.getLogger(EdgeHandlers.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private static final Problem NOT_SIGNED_IN = Problem.of(401, "unauthorized", "Not signed in",
            "Send a valid, unexpired access token as Authorization: Bearer <token>");

    private final ObjectMapper json;

    EdgeHandlers(ObjectMapper json) {
        this.json = json;
    }

    /** Ahead of authentication (200), which would otherwise answer a request without a token itself. */
    static final int GATE_PRIORITY = 250;

    void gate(@Observes Filters filters) {
        filters.register(this::gate, GATE_PRIORITY);
    }

    /**
     * Refuses what would otherwise fail deep inside the framework, or slip past a check:
     * <ul>
     * <li>a Content-Type with an empty parameter ({@code charset=}, {@code boundary=}) or a multipart one
     * without a boundary: the form and multipart parsers fail on them with a 500;</li>
     * <li>a desk post that is not a form: the CSRF filter verifies the token of form bodies only, so a
     * post without a Content-Type would reach a desk action with no token checked at all;</li>
     * <li>a management API call without a bearer token, which the OIDC extension refuses with an empty
     * 401: here it gets the same status and challenge, with a problem+json body.</li>
     * </ul>
     */
    void gate(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String path = rc.normalizedPath();
        if (contentType != null && hasEmptyParameter(contentType)) {
            answer(rc, Problem.invalid("The Content-Type has a parameter without a value",
                    Map.of("Content-Type", "a parameter such as charset= or boundary= has no value")));
            return;
        }
        if (mediaType.startsWith("multipart/") && !hasBoundary(contentType)) {
            answer(rc, Problem.invalid("A multipart body must name its boundary in the Content-Type",
                    Map.of("Content-Type", "has no boundary parameter")));
            return;
        }
        if (Failures.isApiPath(path) && !hasBearerToken(rc.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            answer(rc, NOT_SIGNED_IN);
            return;
        }
        if (rc.request().method() == HttpMethod.POST && !Failures.isApiPath(path) && !path.startsWith("/q/")
                && !mediaType.equals(FORM) && !mediaType.equals(MULTIPART)) {
            answer(rc, Problem.of(415, "not-a-form", "Not a form",
                    "The desk accepts only its own forms (" + FORM + " or " + MULTIPART + ")"));
            return;
        }
        rc.next();
    }

    void failures(@Observes Router router) {
        router.route().failureHandler(this::failure);
    }

    void failure(RoutingContext rc) {
        Throwable failure = rc.failure();
        String path = rc.normalizedPath();
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        if (isSecurity(failure)) {
            if (!Failures.isApiPath(path)) {
                // the desk's sign-in redirects and session handling belong to the OIDC extension
                rc.next();
                return;
            }
            // The authentication mechanism has already set the status and its WWW-Authenticate challenge.
            answer(rc, failure instanceof ForbiddenException
                    ? Failures.ROLE_MISSING
                    : NOT_SIGNED_IN);
            return;
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String title = web.getResponse().getStatusInfo().getReasonPhrase();
            answer(rc, Problem.of(status, "http-" + status, title, title));
            return;
        }
        if (failure == null && rc.statusCode() >= 400 && rc.statusCode() < 500) {
            answer(rc, Problem.of(rc.statusCode(), "http-" + rc.statusCode(), "Request refused", "Request refused"));
            return;
        }
        if (causedBy(failure, IOException.class)) {
            answer(rc, Failures.unreadableBody());
            return;
        }
        LOG.error("Unexpected failure outside the REST layer for " + path, failure);
        answer(rc, Problem.of(500, "internal-error", "Internal error",
                "The server could not answer this request; the failure has been logged"));
    }

    private void answer(RoutingContext rc, Problem problem) {
        String body;
        String type;
        if (Failures.isApiPath(rc.normalizedPath())) {
            type = Problem.MEDIA_TYPE;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A problem is a plain record", e);
            }
        } else {
            type = "text/html;charset=UTF-8";
            body = Failures.Templates.bare(problem).render();
        }
        rc.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }

    private static boolean hasBearerToken(String authorization) {
        return authorization != null && authorization.length() > 7
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && !authorization.substring(7).isBlank();
    }

    private static boolean hasEmptyParameter(String contentType) {
        String[] parameters = contentType.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String[] pair = parameters[i].strip().split("=", 2);
            if (pair.length == 2 && pair[1].strip().replace("\"", "").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBoundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")
                    && !pair[1].strip().replace("\"", "").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Failures the security layer raises on purpose, including the redirect that ends the OIDC code flow
     * (back to the page the person asked for, without the code in the URL).
     */
    private static boolean isSecurity(Throwable failure) {
        return failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException || failure instanceof ForbiddenException
                || failure instanceof io.quarkus.security.AuthenticationRedirectException;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
