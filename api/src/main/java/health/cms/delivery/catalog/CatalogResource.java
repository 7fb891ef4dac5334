package health.cms.delivery.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import health.cms.core.locale.Locales;
import health.cms.core.slug.Slugs;
import health.cms.delivery.article.ArticleResource;
import health.cms.delivery.http.Responses;
import health.cms.delivery.http.Slice;
import health.cms.delivery.store.ListItem;
import health.cms.delivery.store.PublishedArticles;

/** Author profiles with their live articles, and the categories and tags that have live articles. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    PublishedArticles store;
    @Inject
    CatalogQueries catalog;
    @Inject
    Responses responses;

    @GET
    @Path("/authors/{slug}")
    @Operation(operationId = "getAuthor", summary = "An author's public profile and live articles")
    @APIResponse(responseCode = "200", description = "The public profile (its fields) and the author's live articles", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthorPage.class)))
    public Response author(@PathParam("slug") @Pattern(regexp = Slugs.PATTERN, message = "must be a profile slug") String slug,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("author:" + slug, () -> catalog.profile(slug)
                .map(profile -> new AuthorPage(profile,
                        store.list(PublishedArticles.Filter.author(slug), Optional.empty(), 100).items()))
                .map(page -> responses.json(page, List.of("author-" + slug, "articles")))
                .orElse(null), ifNoneMatch);
    }

    /** A profile's fields, then its newest live articles. */
    record AuthorPage(@JsonUnwrapped CatalogQueries.ProfileView profile, List<ListItem> articles) {
    }

    /**
     * A page of the categories: {@code limit} 1-500 (default 100), {@code offset}; more pages are in the Link header;
     * {@code locale} names them in that language where an editor did.
     */
    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "Categories that have live articles", description = "With `locale` (a BCP 47 tag) each is named in that language (then its bare language, de for de-AT) where an editor named it so, else by its default name.")
    @APIResponse(responseCode = "200", description = "Categories with live articles", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogQueries.CategoryView.class)))
    public Response categories(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("locale") @Size(max = 35) @Pattern(regexp = ArticleResource.LOCALE_PATTERN, message = ArticleResource.LOCALE_MESSAGE) String locale,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return page("categories", Slice.parse(limit, offset), locale, catalog::categories, ifNoneMatch);
    }

    /** A page of the tags, paged and named like the categories. */
    @GET
    @Path("/tags")
    @Operation(operationId = "listTags", summary = "Tags that have live articles", description = "`locale` names them as it does the categories.")
    @APIResponse(responseCode = "200", description = "Tags with live articles", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CatalogQueries.TagView.class)))
    public Response tags(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("locale") @Size(max = 35) @Pattern(regexp = ArticleResource.LOCALE_PATTERN, message = ArticleResource.LOCALE_MESSAGE) String locale,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return page("tags", Slice.parse(limit, offset), locale, catalog::tags, ifNoneMatch);
    }

    /** Reads a page of a list in a language (null: the default names). */
    @FunctionalInterface
    private interface LocalizedPage<T> {

        List<T> read(int limit, int offset, String locale);
    }

    /**
     * One cached page of the list at {@code /api/v1/<list>} (in its language), purged by the list's name, with the
     * next page's link.
     */
    private <T> Response page(String list, Slice slice, String locale, LocalizedPage<T> read, String ifNoneMatch) {
        String language = locale == null ? null : Locales.canonical(locale).orElse(null);
        return responses.cached(list + ":" + slice + (language == null ? "" : ":" + language), () -> {
            List<T> fetched = read.read(slice.fetch(), slice.offset(), language);
            String next = slice.next("/api/v1/" + list, fetched);
            return responses.json(slice.page(fetched), List.of(list))
                    .withNext(next == null || language == null ? next : next + "&locale=" + language);
        }, ifNoneMatch);
    }
}
