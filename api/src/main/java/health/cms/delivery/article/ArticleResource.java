package health.cms.delivery.article;

import java.net.URI;
import java.util.List;
import java.util.Optional;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import health.cms.core.publication.PublicArticle;
import health.cms.core.refusal.WholeNumber;
import health.cms.core.slug.Slugs;
import health.cms.delivery.catalog.CatalogQueries;
import health.cms.delivery.http.ArticleLocales;
import health.cms.delivery.http.CachedResponse;
import health.cms.delivery.http.Parameters;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.Cursor;
import health.cms.delivery.store.PublishedArticles;
import health.cms.workflow.review.ReviewStatus;

/** Published articles for downstream sites: one article by slug, and filtered lists, newest first. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    static final String SLUG_MESSAGE = "must be lowercase letters, digits and single hyphens";
    /** A BCP 47 tag's shape (language, then subtags); whether it is configured decides the fallback, not a 400. */
    public static final String LOCALE_PATTERN = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*";
    public static final String LOCALE_MESSAGE = "must be a BCP 47 language tag such as de or de-AT";

    @Inject
    PublishedArticles store;
    @Inject
    LiveArticles articles;
    @Inject
    CatalogQueries catalog;
    @Inject
    Responses responses;

    @GET
    @Path("/{slug}")
    @Operation(operationId = "getArticle", summary = "A live article by its slug, in the language asked for if it is live in it", description = "The language comes from `locale` (a BCP 47 tag), else from `Accept-Language`; each wanted tag falls back to its shorter forms (de-AT, de), then the default locale, else the article at this slug. The answer names its language in `Content-Language`.")
    @APIResponse(responseCode = "200", description = "The live article", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicArticle.class)))
    public Response bySlug(
            @PathParam("slug") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String slug,
            @QueryParam("locale") @Size(max = 35) @Pattern(regexp = LOCALE_PATTERN, message = LOCALE_MESSAGE) String locale,
            @HeaderParam("Accept-Language") String acceptLanguage,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CachedResponse article = articles.answer(slug);
        if (article != null) {
            List<String> wanted = locale != null ? List.of(locale) : ArticleLocales.ranges(acceptLanguage);
            return responses.of(articles.negotiate(article, wanted), ifNoneMatch);
        }
        // Only misses reach here: a renamed article's old slug, or nothing live (the same 404 either way).
        String renamedTo = store.redirect(slug).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create("/api/v1/articles/" + renamedTo))
                .header("Cache-Control", "public, max-age=300").build();
    }

    @GET
    @Operation(operationId = "listArticles", summary = "Live articles, newest first, filtered and paged by cursor")
    @APIResponse(responseCode = "200", description = "A page of live articles, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedArticles.Page.class)))
    public Response list(
            @QueryParam("category") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String category,
            @QueryParam("tag") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String tag,
            @QueryParam("author") @Pattern(regexp = Slugs.PATTERN, message = SLUG_MESSAGE) String author,
            @QueryParam("reviewStatus") @Pattern(regexp = "current|due-soon|overdue", message = "must be current, due-soon or overdue") String reviewStatus,
            @QueryParam("updatedSince") @Size(max = 40) String updatedSince,
            @QueryParam("limit") String limitParam,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        int limit = WholeNumber.parse("limit", limitParam, 20, 1, 100);
        PublishedArticles.Filter filter = new PublishedArticles.Filter(category, tag, author,
                reviewStatus == null ? null : ReviewStatus.valueOf(reviewStatus.toUpperCase().replace('-', '_')),
                Parameters.instant("updatedSince", updatedSince));
        Optional<Cursor> position = Parameters.cursor(cursor, Cursor::updatedAt);
        ListKey key = new ListKey(category, tag, author, reviewStatus, updatedSince, limit, cursor);
        List<String> keys = category == null ? List.of("articles") : List.of("articles", "category-" + category);
        // Filter values are checked on a cache miss only: a key with an unknown value is never cached.
        return responses.cached("list:" + key, () -> {
            PublishedArticles.Page page = store.list(filter, position, limit);
            // A value that matched something is known; only an empty page can stem from a typo, so only
            // then do the three lookups run that tell an unknown value from an empty one.
            if (page.items().isEmpty()) {
                catalog.requireKnown("category", CatalogQueries.Kind.CATEGORY, category);
                catalog.requireKnown("tag", CatalogQueries.Kind.TAG, tag);
                catalog.requireKnown("author", CatalogQueries.Kind.PROFILE, author);
            }
            return responses.json(page, keys);
        }, ifNoneMatch);
    }

    /** Every parameter a list answer depends on, as given; its text is the cache key. */
    private record ListKey(String category, String tag, String author, String reviewStatus, String updatedSince,
            int limit, String cursor) {
    }
}
