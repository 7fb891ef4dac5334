package health.cms.admin.share;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The preview links of one article, from its editor and review screens: make one and copy its URLs. */
@Path("/articles/{id}/share-links")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SharePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance links(long articleId, List<ShareLinkView> links, Instant now,
                boolean created);
    }

    @Inject
    DeskUser user;
    @Inject
    ShareLinks links;
    @Inject
    Clock clock;

    @GET
    public TemplateInstance list(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.links(id, links.forArticle(user.actor(), id), clock.instant(), "created".equals(done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("id") long id) {
        links.create(user.actor(), id);
        return Forms.seeOther("/articles/" + id + "/share-links?done=created");
    }
}
