package health.cms.admin.web;

import jakarta.ws.rs.core.EntityTag;

import health.cms.core.problem.Problem;

/** Strong ETags carry the optimistic-lock version; writes must send it back in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
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
                    java.util.Map.of("If-Match", "not an ETag of this API: " + ifMatch)));
        }
    }

    /** A problem to answer as it is. */
    public static class ProblemException extends jakarta.ws.rs.WebApplicationException {

        public ProblemException(Problem problem) {
            super(Failures.problemJson(problem));
        }
    }
}
