package health.cms.admin.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Forms;
import health.cms.core.notification.DeskMember;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The desk's notification list: the newest {@value #SHOWN}, the ones not seen before marked as new and, once
 * shown, read; and the person's mail preference.
 */
@Path("/notifications")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    static final int SHOWN = 100;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(ListView view);
    }

    /** The notifications as they were before this visit marked them read, and the mail preference. */
    public record ListView(List<Inbox.NotificationView> notifications, String preference, List<String> preferences,
            String done) {
    }

    @Inject
    DeskUser user;
    @Inject
    Inbox inbox;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        List<Inbox.NotificationView> shown = inbox.list(user.username(), 0, SHOWN);
        inbox.readAll(user.username());
        return Templates.list(new ListView(shown, inbox.preference(user.username()).value(),
                Arrays.stream(DeskMember.MailPreference.values()).map(DeskMember.MailPreference::value).toList(),
                "preference".equals(done) ? done : null));
    }

    @POST
    @Path("/preference")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response prefer(@RestForm String preference) {
        DeskMember.MailPreference chosen = Arrays.stream(DeskMember.MailPreference.values())
                .filter(p -> p.value().equals(preference)).findFirst()
                .orElseThrow(() -> Refusal.invalid(Map.of("preference", "must be immediately, daily or off")));
        inbox.prefer(user.username(), chosen);
        return Forms.seeOther("/notifications?done=preference");
    }
}
