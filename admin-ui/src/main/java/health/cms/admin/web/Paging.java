package health.cms.admin.web;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import health.cms.core.refusal.WholeNumber;

/**
 * One page of a management API list: {@code limit} and {@code offset} parsed through {@link WholeNumber}, a
 * maximum page size so that no request loads an unbounded history, and the answer as the bare JSON array
 * the list always was, with a {@code Link: <...>; rel="next"} header while more follow.
 */
public record Paging(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    /** Only bounds the rows an offset makes PostgreSQL skip; no list of the desk comes near it. */
    public static final int MAX_OFFSET = 100_000;

    /** Default 100, at most 500. */
    public static Paging parse(String limit, String offset) {
        return parse(limit, offset, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** For lists whose entries are large (revisions carry whole bodies) or whose sizes were documented before. */
    public static Paging parse(String limit, String offset, int defaultLimit, int maxLimit) {
        return new Paging(WholeNumber.parse("limit", limit, defaultLimit, 1, maxLimit),
                WholeNumber.parse("offset", offset, 0, 0, MAX_OFFSET));
    }

    /** Rows to read: one more than the page, which tells whether a next page exists. */
    public int fetch() {
        return limit + 1;
    }

    /** The page out of {@link #fetch()} rows, with the next page's link when there is one. */
    public Response respond(List<?> fetched, UriInfo request) {
        boolean more = fetched.size() > limit;
        Response.ResponseBuilder answer = Response.ok(more ? List.copyOf(fetched.subList(0, limit)) : fetched);
        if (more) {
            URI next = request.getRequestUriBuilder().replaceQueryParam("limit", limit)
                    .replaceQueryParam("offset", offset + limit).build();
            // Relative: the Host header is the client's to write, and the link must not point elsewhere.
            answer.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return answer.build();
    }
}
