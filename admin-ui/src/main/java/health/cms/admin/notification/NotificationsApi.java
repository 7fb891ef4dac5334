package health.cms.admin.notification;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;

/** The caller's own notifications, newest first, and marking them read. */
@ManagementApi
@Path("/manage/v1/notifications")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsApi {

    @Inject
    Inbox inbox;
    @Inject
    CurrentActor actor;

    /** A page of the caller's notifications, newest first; {@code unread} counts all unread ones in a header. */
    @GET
    public Response list(@BeanParam PageRequest page) {
        String me = actor.get().username();
        Response listed = page.respond((offset, rows) -> inbox.list(me, offset, rows));
        return Response.fromResponse(listed).header("X-Unread-Count", inbox.unread(me)).build();
    }

    /** Marks one of the caller's notifications read (someone else's is 404). */
    @POST
    @Path("/{id}/read")
    public Inbox.NotificationView read(@PathParam("id") long id) {
        return inbox.read(actor.get().username(), id);
    }

    /** Marks all of the caller's notifications read; answers how many were unread. */
    @POST
    @Path("/read")
    public Map<String, Integer> readAll() {
        return Map.of("marked", inbox.readAll(actor.get().username()));
    }
}
