package health.cms.admin.apikey;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The desk's API keys page for editors: issue a key (shown once), rotate it, revoke it, and see its usage. */
@Path("/api-keys")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApiKeyPages {

    /** More keys than a publisher hands out; the page shows them all. */
    static final int SHOWN = 500;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(List<ApiKeyView> keys, String name, String scope, String message,
                Map<String, String> errors);

        static native TemplateInstance issued(IssuedApiKey issued, boolean rotated);
    }

    @Inject
    DeskUser user;
    @Inject
    ApiKeys keys;

    @GET
    public TemplateInstance index() {
        return Templates.index(keys.list(user.actor(), 0, SHOWN), "", "delivery", null, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@RestForm String name, @RestForm String scope) {
        try {
            return Templates.issued(keys.create(user.actor(), new ApiKeyInput(name, scope)), false);
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e, Templates.index(keys.list(user.actor(), 0, SHOWN), name, scope,
                    Failures.formMessage(e), e.fieldErrors()));
        }
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance rotate(@PathParam("id") long id, @RestForm Long version) {
        return Templates.issued(keys.rotate(user.actor(), id, Forms.requireVersion(version)), true);
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, @RestForm Long version) {
        keys.revoke(user.actor(), id, Forms.requireVersion(version));
        return Forms.seeOther("/api-keys");
    }
}
