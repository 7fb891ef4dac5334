package health.cms.admin.translation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.web.DeskRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** "Translations to update": the live translations whose source changed factually or clinically since their base. */
@Path("/translations")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class TranslationQueuePage {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance queue(List<TranslationDesk.Row> outdated);
    }

    @Inject
    TranslationDesk desk;

    @GET
    public TemplateInstance queue() {
        return Templates.queue(desk.outdated());
    }
}
