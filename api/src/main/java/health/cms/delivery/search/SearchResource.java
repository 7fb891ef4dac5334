package health.cms.delivery.search;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.core.refusal.WholeNumber;
import health.cms.delivery.http.Parameters;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.Cursor;
import health.cms.delivery.store.PublishedArticles;

/**
 * Full-text search over live articles (PostgreSQL text search; title weighs more than the lead, the
 * lead more than the body), ranked, with highlighted snippets in which only {@code <mark>} is markup.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    PublishedArticles store;
    @Inject
    Responses responses;

    /** PostgreSQL text cannot hold NUL: such a query is refused here, not reported as a database outage. */
    @GET
    public Response search(
            @QueryParam("q") @NotBlank(message = "is required") @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String q,
            @QueryParam("limit") String limitParam,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int limit = WholeNumber.parse("limit", limitParam, 20, 1, 100);
        Optional<Cursor> position = Parameters.cursor(cursor, Cursor::rank);
        String key = "search:" + limit + ":" + cursor + ":" + q.strip();
        return responses.cached(key, () -> responses.json(store.search(q.strip(), position, limit),
                List.of("articles")), ifNoneMatch);
    }
}
