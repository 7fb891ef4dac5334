package health.cms.delivery.article;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import health.cms.core.slug.Slugs;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.ResponseCache;
import health.cms.delivery.http.Responses;
import health.cms.delivery.problem.BadParameterException;
import health.cms.delivery.store.Cursor;
import health.cms.delivery.store.PublishedArticles;
import health.cms.workflow.review.ReviewStatus;

/** Published articles for downstream sites: one article by slug, and filtered lists, newest first. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String SLUG_MESSAGE = "must be lowercase letters, digits and single hyphens";
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    @Inject
    PublishedArticles store;
    @Inject
    ResponseCache cache;
    @Inject
    Responses responses;
    @Inject
    Clock clock;

    @GET
    @Path("/{slug}")
    public Response bySlug(
            @PathParam("slug") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String slug,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CachedResponse article = cache.article(slug, () -> store.document(slug).map(this::render).orElse(null));
        if (article != null) {
            return responses.of(article, ifNoneMatch);
        }
        // Only misses reach here: a renamed article's old slug, or nothing live (the same 404 either way).
        String renamedTo = store.redirect(slug).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create("/api/v1/articles/" + renamedTo))
                .header("Cache-Control", "public, max-age=300").build();
    }

    private CachedResponse render(PublishedArticles.Document document) {
        ObjectNode view = (ObjectNode) document.document().deepCopy();
        JsonNode review = view.path("medicalReview");
        if (review instanceof ObjectNode reviewNode) {
            reviewNode.put("status", ReviewStatus.of(document.nextReviewDue(), clock.instant()).value());
        }
        List<String> keys = new ArrayList<>();
        keys.add("article-" + document.slug());
        keys.add("category-" + view.path("category").path("slug").asText());
        view.path("authors").forEach(a -> keys.add("author-" + a.path("slug").asText()));
        return responses.json(view, keys);
    }

    @GET
    public Response list(
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String category,
            @QueryParam("tag") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String tag,
            @QueryParam("author") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String author,
            @QueryParam("reviewStatus") @Pattern(regexp = "current|due-soon|overdue", message = "must be current, due-soon or overdue") String reviewStatus,
            @QueryParam("updatedSince") @Size(max = 40) String updatedSince,
            @QueryParam("limit") String limitParam,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int limit = BadParameterException.number("limit", limitParam, 20, 1, 100);
        PublishedArticles.Filter filter = new PublishedArticles.Filter(category, tag, author,
                reviewStatus == null ? null : ReviewStatus.valueOf(reviewStatus.toUpperCase().replace('-', '_')),
                instant("updatedSince", updatedSince));
        Optional<Cursor> position = BadParameterException.cursor(cursor, Cursor::updatedAt);
        Map<String, Object> key = new TreeMap<>();
        key.put("category", category);
        key.put("tag", tag);
        key.put("author", author);
        key.put("review", reviewStatus);
        key.put("since", updatedSince);
        key.put("limit", limit);
        key.put("cursor", cursor);
        List<String> keys = category == null ? List.of("articles") : List.of("articles", "category-" + category);
        // Filter values are checked on a cache miss only: a key with an unknown value is never cached.
        return responses.cached("list:" + key, () -> {
            requireKnown("category", "category", category);
            requireKnown("tag", "tag", tag);
            requireKnown("author", "profile", author);
            return responses.json(store.list(filter, position, limit), keys);
        }, ifNoneMatch);
    }

    private void requireKnown(String parameter, String table, String slug) {
        if (slug != null && !store.exists(table, slug)) {
            throw new BadParameterException(parameter, "unknown " + parameter + " '" + slug + "'");
        }
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            // Instant reaches a billion years; PostgreSQL and java.sql.Timestamp do not.
            if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new BadParameterException(parameter, "must be an ISO-8601 UTC time such as 2026-01-31T00:00:00Z");
    }
}
