package health.cms.admin.review;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import health.cms.admin.article.ArticleCommands;
import health.cms.admin.article.ArticleQueries;
import health.cms.admin.article.ArticleState;
import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.Paging;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.EditorialAction;

/** The medical reviewers' queue, and approving many submitted articles in one call. */
@ManagementApi
@Path("/manage/v1/review-queue")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueApi {

    @Inject
    ArticleQueries queries;
    @Inject
    ArticleCommands commands;
    @Inject
    CurrentActor actor;

    @GET
    public Response queue(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @Context UriInfo request) {
        Paging page = Paging.parse(limit, offset);
        return page.respond(queries.reviewQueue(page.offset(), page.fetch()), request);
    }

    /**
     * Approves each listed article separately: each gets its own sign-off, and one refusal (stale
     * version, own work, wrong state) does not stop the others.
     */
    @POST
    @Path("/approvals")
    @RolesAllowed(DeskRoles.MEDICAL_REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public List<BulkResult> approveMany(@NotNull @Valid BulkApproval request) {
        List<BulkResult> results = new ArrayList<>();
        for (BulkApproval.Item item : request.articles()) {
            try {
                ArticleState state = commands.transition(actor.get(), item.id(), item.version(),
                        new ArticleCommands.TransitionBody(EditorialAction.APPROVE.value(), request.comment(), null, null,
                                item.changeClass(),
                                item.correctionNote(), item.conflictOfInterest()));
                results.add(new BulkResult(item.id(), "approved", state.status(), state.version(), null));
            } catch (Refusal e) {
                results.add(new BulkResult(item.id(), "refused", null, null, e.getMessage()
                        + (e.fieldErrors().isEmpty() ? "" : " " + e.fieldErrors())));
            }
        }
        return results;
    }

    /** The body of a bulk approval. */
    public record BulkApproval(@NotEmpty @Size(max = 200) List<@NotNull @Valid Item> articles, String comment) {

        /** One article to approve, at the version the reviewer read. */
        public record Item(@NotNull Long id, @NotNull Long version, String changeClass, String correctionNote,
                @Size(max = 1000) String conflictOfInterest) {
        }
    }

    /** What happened to one article of a bulk approval. */
    public record BulkResult(long id, String result, String status, Long version, String reason) {
    }
}
