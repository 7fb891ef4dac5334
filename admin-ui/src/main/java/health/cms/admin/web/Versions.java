package health.cms.admin.web;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import health.cms.core.problem.Problem;

/**
 * The one place for optimistic-lock versions at the edge: strong ETags carry the version, writes send
 * it back in If-Match, and a write against an older version is refused as stale.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the record and its version as the ETag, for the next write's If-Match. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(etag(version)).build();
    }

    /** 201 at {@code location} with the new record and its version as the ETag. */
    public static Response created(String location, Object entity, long version) {
        return Response.created(URI.create(location)).tag(etag(version)).entity(entity).build();
    }

    /**
     * Reads the version from an If-Match header. A missing header is refused with 428 so that no
     * client can overwrite someone else's edit by accident.
     */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Problem.of(428, "precondition-required", "If-Match required",
                    "Send the article's ETag in If-Match so a stale write cannot overwrite a newer version"));
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(Problem.invalid("If-Match must be the ETag returned by GET",
                    Map.of("If-Match", "not an ETag of this API: " + ifMatch)));
        }
    }
}
