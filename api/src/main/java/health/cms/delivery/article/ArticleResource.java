package health.cms.delivery.article;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.core.article.Slugs;

/** Published articles for downstream sites. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    ArticleDelivery delivery;

    @GET
    @Path("/{slug}")
    public ArticleView bySlug(
            @PathParam("slug") @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens") String slug) {
        return delivery.liveArticle(slug).orElseThrow(NotFoundException::new);
    }
}
