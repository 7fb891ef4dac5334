package health.cms.core.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import health.cms.core.refusal.Refusal;

/**
 * An RFC 9457 problem detail: the body of every error response of both HTTP apps. It names what went
 * wrong in words a client developer can act on, and never carries class names or stack traces.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://cms.example.org/problems/";

    /** One invalid field or parameter and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public static Problem invalid(String detail, Map<String, String> fieldErrors) {
        List<FieldError> errors = fieldErrors.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), e.getValue()))
                .toList();
        return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, detail, errors);
    }

    public static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    /** The one translation of a refusal into a problem, for every app and surface. */
    public static Problem of(Refusal refusal) {
        if (refusal instanceof Refusal.NotFound) {
            return notFound(refusal.getMessage());
        }
        if (refusal instanceof Refusal.Forbidden) {
            return of(403, "forbidden", "Not allowed", refusal.getMessage());
        }
        if (refusal instanceof Refusal.Conflict) {
            return of(409, "conflict", "Not possible in the current state", refusal.getMessage());
        }
        if (refusal instanceof Refusal.Stale) {
            return of(412, "stale-version", "The article changed since you loaded it", refusal.getMessage());
        }
        return invalid(refusal.getMessage(), refusal.fieldErrors());
    }
}
