package health.cms.admin.article;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;
import health.cms.admin.web.Versions;
import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.diff.RevisionDiff;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.DraftingService;

/** The Content Management API for articles: drafts, edits, workflow transitions, history. */
@ManagementApi
@Path("/manage/v1/articles")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArticlesApi {

    /** Every revision carries its whole body (up to 200,000 characters), so its pages are smaller. */
    static final int REVISIONS_PAGE = 50;
    static final int MAX_REVISIONS_PAGE = 100;

    private static final String STATUS_PATTERN = "draft|medical-review|scheduled|published";

    @Inject
    ArticleCommands commands;
    @Inject
    ArticleQueries queries;
    @Inject
    ArticleHistory history;
    @Inject
    CurrentActor actor;

    @GET
    public Response list(
            @QueryParam("status") @Pattern(regexp = STATUS_PATTERN, message = "must be one of " + STATUS_PATTERN) String status,
            @QueryParam("author") @Pattern(regexp = "[a-z0-9-]{1,200}", message = "must be an author slug") String author,
            @QueryParam("category") @Pattern(regexp = "[a-z0-9-]{1,200}", message = "must be a category slug") String category,
            @QueryParam("createdBy") @Pattern(regexp = "[\\w.@-]{1,200}", message = "must be a user name") String createdBy,
            @QueryParam("assignee") @Pattern(regexp = "[\\w.@-]{1,200}", message = "must be a user name") String assignee,
            @BeanParam PageRequest page) {
        ArticleStatus inStatus = status == null ? null : ArticleStatus.fromValue(status);
        return page.respond(50, 200,
                (offset, rows) -> queries.list(inStatus, author, category, createdBy, assignee, rows, offset));
    }

    @POST
    public Response create(ArticleInput input) {
        ArticleState state = commands.create(actor.get(), requireBody(input));
        return Versions.created("/manage/v1/articles/" + state.id(), state, state.version());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        ArticleState state = queries.state(id, actor.get());
        return Versions.ok(state, state.version());
    }

    @PUT
    @Path("/{id}")
    public Response edit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, ArticleInput input) {
        long version = Versions.fromIfMatch(ifMatch);
        ArticleState state = commands.edit(actor.get(), id, version, requireBody(input));
        return Versions.ok(state, state.version());
    }

    @POST
    @Path("/{id}/transitions")
    public Response transition(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            ArticleCommands.TransitionBody body) {
        long version = Versions.fromIfMatch(ifMatch);
        ArticleState state = commands.transition(actor.get(), id, version, body);
        return Versions.ok(state, state.version());
    }

    /** Renames the slug (editors); the old slug answers 301 on the public API from then on. */
    @PUT
    @Path("/{id}/slug")
    public Response renameSlug(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, SlugBody body) {
        long version = Versions.fromIfMatch(ifMatch);
        ArticleState state = commands.renameSlug(actor.get(), id, version, body == null ? null : body.slug());
        return Versions.ok(state, state.version());
    }

    /**
     * Assigns a medical reviewer: editors anyone (outside the category's specialties with a {@code reason},
     * kept in the audit trail), a medical reviewer themselves in their own specialty;
     * {@code {"reviewer": null}} clears the assignment (editors). {@code GET .../reviewers} suggests whom.
     */
    @PUT
    @Path("/{id}/assignee")
    public Response assign(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid AssigneeBody body) {
        long version = Versions.fromIfMatch(ifMatch);
        ArticleState state = commands.assignReviewer(actor.get(), id, version, body == null ? null : body.reviewer(),
                body == null ? null : body.reason());
        return Versions.ok(state, state.version());
    }

    /** The body of an assignment: the reviewer's user name and, outside their specialty, why. */
    public record AssigneeBody(@Size(max = 200) String reviewer,
            @Size(max = DraftingService.MAX_ASSIGNMENT_REASON) String reason) {
    }

    /** The body of a slug rename. */
    public record SlugBody(String slug) {
    }

    /** Oldest first, {@value #REVISIONS_PAGE} a page by default and at most {@value #MAX_REVISIONS_PAGE}. */
    @GET
    @Path("/{id}/revisions")
    public Response revisions(@PathParam("id") long id, @BeanParam PageRequest page) {
        return page.respond(REVISIONS_PAGE, MAX_REVISIONS_PAGE, (offset, rows) -> queries.revisions(id, offset, rows));
    }

    @GET
    @Path("/{id}/revisions/{number}")
    public ArticleState.RevisionView revision(@PathParam("id") long id, @PathParam("number") @Min(1) int number) {
        return queries.revision(id, number);
    }

    /**
     * Word-level diff per section between two revisions. {@code from=review} (the default) compares against
     * what the reviewer compares against: the live revision when the article is live, else the last approved
     * one; {@code from=live} and {@code from=approved} ask for one of them, a number for that revision.
     * {@code to} defaults to the working revision.
     */
    @GET
    @Path("/{id}/diff")
    public RevisionDiff.Result diff(@PathParam("id") long id,
            @QueryParam("from") @DefaultValue(ArticleHistory.REVIEW) @Pattern(regexp = ArticleHistory.FROM_PATTERN, message = "must be a revision number, 'review', 'live' or 'approved'") String from,
            @QueryParam("to") @Pattern(regexp = "\\d{1,6}", message = "must be a revision number") String to) {
        return history.diff(id, from, to == null ? null : Integer.valueOf(to));
    }

    @GET
    @Path("/{id}/audit")
    public Response audit(@PathParam("id") long id, @BeanParam PageRequest page) {
        queries.state(id, actor.get());
        return page.respond((offset, rows) -> history.audit(id, offset, rows), AuditView::of);
    }

    private static ArticleInput requireBody(ArticleInput input) {
        if (input == null) {
            throw Refusal.invalid(Map.of("body", "a JSON article is required"));
        }
        return input;
    }

    /** One audit event as the API shows it. */
    public record AuditView(long id, java.time.Instant at, String actor, String action, Long revisionId,
            String from, String to, String comment, String hash, String prevHash) {

        static AuditView of(AuditEvent e) {
            return new AuditView(e.id(), e.occurredAt(), e.actor(), e.action(), e.revisionId(), e.fromStatus(),
                    e.toStatus(), e.comment(), e.hash(), e.prevHash());
        }
    }

}
