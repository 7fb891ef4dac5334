package health.cms.admin.translation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;

/** "Translations to update" for other tools: the live translations whose source changed factually or clinically. */
@ManagementApi
@Path("/manage/v1/translations")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class TranslationQueueApi {

    @Inject
    TranslationDesk desk;

    @GET
    @Operation(summary = "The outdated live translations, oldest source change first, paged (limit 1-"
            + TranslationDesk.QUEUE_LIMIT + ", default 100)")
    public Response list(
            @Parameter(description = "Which translations: outdated (the only value so far, the default)") @QueryParam("status") @DefaultValue("outdated") @Pattern(regexp = "outdated", message = "must be outdated") String status,
            @BeanParam PageRequest page) {
        return page.respond(100, TranslationDesk.QUEUE_LIMIT, desk::outdated);
    }
}
