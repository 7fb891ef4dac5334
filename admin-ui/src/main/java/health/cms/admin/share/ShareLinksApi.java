package health.cms.admin.share;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.ManagementApi;
import io.quarkus.security.Authenticated;

/** An article's expiring preview links to its working revision, for writers, medical reviewers and editors. */
@ManagementApi
@Path("/manage/v1/articles/{id}/share-links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShareLinksApi {

    @Inject
    ShareLinks links;
    @Inject
    CurrentActor actor;

    @GET
    public List<ShareLinkView> list(@PathParam("id") long id) {
        return links.forArticle(actor.get(), id);
    }

    /** A new link, valid for {@code cms.preview.link-ttl} (7 days), with its URL on each configured site. */
    @POST
    public Response create(@PathParam("id") long id) {
        ShareLinkView link = links.create(actor.get(), id);
        return Response.status(201).entity(link).build();
    }
}
