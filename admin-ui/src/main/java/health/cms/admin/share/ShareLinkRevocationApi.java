package health.cms.admin.share;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.ManagementApi;
import io.quarkus.security.Authenticated;

/** Ends a preview link before it expires: its maker or an editor. */
@ManagementApi
@Path("/manage/v1/share-links")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShareLinkRevocationApi {

    @Inject
    ShareLinks links;
    @Inject
    CurrentActor actor;

    @POST
    @Path("/{linkId}/revoke")
    public ShareLinkView revoke(@PathParam("linkId") long linkId) {
        return links.revoke(actor.get(), linkId);
    }
}
