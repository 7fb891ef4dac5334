package health.cms.admin.comment;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.comment.ReviewComments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The desk's side of the review conversation: comment on a passage, reply, resolve, each going back to the
 * page it came from; a refused comment comes back with the person's text and the reason beside the field.
 */
@Path("/articles/{id}/comments")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CommentPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance refused(long articleId, Long commentId, CommentForm form,
                Map<String, String> errors, String message, String back);
    }

    @Inject
    DeskUser user;
    @Inject
    ReviewComments comments;

    @POST
    public Response comment(@PathParam("id") long id, @BeanParam CommentForm form) {
        try {
            comments.comment(user.actor(), id, form.quote(), form.body, form.blocking);
        } catch (Refusal e) {
            return refused(e, id, null, form);
        }
        return Forms.seeOther(form.back(id) + "#comments");
    }

    @POST
    @Path("/{commentId}/replies")
    public Response reply(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @BeanParam CommentForm form) {
        try {
            comments.reply(user.actor(), id, commentId, form.body);
        } catch (Refusal e) {
            return refused(e, id, commentId, form);
        }
        return Forms.seeOther(form.back(id) + "#comment-" + commentId);
    }

    @POST
    @Path("/{commentId}/resolution")
    public Response resolve(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @BeanParam CommentForm form) {
        try {
            comments.resolve(user.actor(), id, commentId);
        } catch (Refusal e) {
            return refused(e, id, commentId, form);
        }
        return Forms.seeOther(form.back(id) + "#comment-" + commentId);
    }

    private static Response refused(Refusal e, long id, Long commentId, CommentForm form) {
        Forms.rethrowUnlessAboutTheForm(e);
        return Failures.refusedForm(e, Templates.refused(id, commentId, form, e.fieldErrors(), Failures.formMessage(e),
                form.back(id)));
    }
}
