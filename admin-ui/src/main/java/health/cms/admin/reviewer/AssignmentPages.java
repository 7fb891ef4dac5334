package health.cms.admin.reviewer;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
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

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.DraftingService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The desk's assign form: the reviewers who may review the article, those in its category's specialties
 * first with their open load and languages; an editor assigns anyone (outside the specialty with a
 * reason), a medical reviewer takes it themselves when it is in their specialty.
 */
@Path("/articles/{id}/reviewer")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class AssignmentPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance assign(AssignView view);
    }

    /** The suggestions, the form as posted when it was refused, and what happened. */
    public record AssignView(ReviewerSuggestions.Suggestions suggestions, String reviewer, String reason,
            String message, Map<String, String> errors, boolean done) {

        public int maxReason() {
            return DraftingService.MAX_ASSIGNMENT_REASON;
        }
    }

    @Inject
    DeskUser user;
    @Inject
    ReviewerSuggestions suggestions;
    @Inject
    DraftingService drafting;

    @GET
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.assign(new AssignView(suggestions.forArticle(id), null, null, null, Map.of(),
                "assigned".equals(done)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @RestForm String reviewer, @RestForm String reason,
            @RestForm Long version) {
        try {
            if (Forms.blankToNull(reviewer) == null) {
                throw Refusal.invalid(Map.of("reviewer", "choose a reviewer"));
            }
            drafting.assignReviewer(user.actor(), id, Forms.requireVersion(version), reviewer.strip(),
                    Forms.blankToNull(reason));
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e, Templates.assign(new AssignView(suggestions.forArticle(id), reviewer,
                    reason, Failures.formMessage(e), e.fieldErrors(), false)));
        }
        return Forms.seeOther("/articles/" + id + "/reviewer?done=assigned");
    }
}
