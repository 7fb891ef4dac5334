package health.cms.delivery.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.core.slug.Slugs;
import health.cms.delivery.http.Responses;
import health.cms.delivery.store.PublishedArticles;

/** Author profiles with their live articles, and the categories and tags that have live articles. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @Inject
    PublishedArticles store;
    @Inject
    Responses responses;

    @GET
    @Path("/authors/{slug}")
    public Response author(@PathParam("slug") @Pattern(regexp = Slugs.PATTERN, message = "must be a profile slug") String slug,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("author:" + slug, () -> {
            Optional<Map<String, Object>> profile = store.profile(slug);
            if (profile.isEmpty()) {
                return null;
            }
            Map<String, Object> body = new LinkedHashMap<>(profile.get());
            body.put("articles", store.list(new PublishedArticles.Filter(null, null, slug, null, null),
                    Optional.empty(), 100).items());
            return responses.json(body, List.of("author-" + slug, "articles"));
        }, ifNoneMatch);
    }

    @GET
    @Path("/categories")
    public Response categories(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("categories", () -> responses.json(store.categories(), List.of("categories")),
                ifNoneMatch);
    }

    @GET
    @Path("/tags")
    public Response tags(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.cached("tags", () -> responses.json(store.tags(), List.of("tags")), ifNoneMatch);
    }
}
