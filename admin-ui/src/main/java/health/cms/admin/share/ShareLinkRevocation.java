package health.cms.admin.share;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Forms;
import io.quarkus.security.Authenticated;

/** The desk's revoke button of a preview link (its maker or an editor), back to the article's links afterwards. */
@Path("/share-links")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ShareLinkRevocation {

    @Inject
    DeskUser user;
    @Inject
    ShareLinks links;

    @POST
    @Path("/{linkId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("linkId") long linkId) {
        ShareLinkView revoked = links.revoke(user.actor(), linkId);
        return Forms.seeOther("/articles/" + revoked.articleId() + "/share-links");
    }
}
