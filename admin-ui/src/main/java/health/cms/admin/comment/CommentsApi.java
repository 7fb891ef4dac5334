package health.cms.admin.comment;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import health.cms.core.comment.TextQuote;
import health.cms.core.refusal.Refusal;
import health.cms.workflow.comment.CommentThread;
import health.cms.workflow.comment.ReviewComments;

/** The review conversation of one article for API clients: list, comment on a passage, reply, resolve. */
@ManagementApi
@Path("/manage/v1/articles/{id}/comments")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentsApi {

    @Inject
    ReviewComments comments;
    @Inject
    CurrentActor actor;

    /** Every thread, oldest first, with whether its passage is still in the working revision. */
    @GET
    public List<ThreadView> list(@PathParam("id") long id) {
        return comments.threads(id).stream().map(ThreadView::of).toList();
    }

    @POST
    public Response create(@PathParam("id") long id, @NotNull @Valid NewComment body) {
        long created = comments.comment(actor.get(), id,
                new TextQuote(body.quote().exact(), body.quote().prefix(), body.quote().suffix()), body.text(),
                body.blocking()).id();
        return Response.status(Response.Status.CREATED).entity(thread(id, created)).build();
    }

    @POST
    @Path("/{commentId}/replies")
    public Response reply(@PathParam("id") long id, @PathParam("commentId") long commentId,
            @NotNull @Valid NewReply body) {
        comments.reply(actor.get(), id, commentId, body.text());
        return Response.status(Response.Status.CREATED).entity(thread(id, commentId)).build();
    }

    /** Resolves the thread; once resolved it no longer blocks approval. */
    @POST
    @Path("/{commentId}/resolution")
    public ThreadView resolve(@PathParam("id") long id, @PathParam("commentId") long commentId) {
        comments.resolve(actor.get(), id, commentId);
        return thread(id, commentId);
    }

    private ThreadView thread(long articleId, long commentId) {
        return comments.threads(articleId).stream().filter(thread -> thread.id() == commentId).findFirst()
                .map(ThreadView::of).orElseThrow(() -> Refusal.notFound("Comment " + commentId));
    }

    /** A comment on a passage: the quote as selected (the text around it tells repeated passages apart). */
    public record NewComment(@NotNull @Valid Quote quote,
            @NotBlank @Size(max = ReviewComments.MAX_BODY) String text, boolean blocking) {
    }

    /** The W3C text quote selector of the passage. */
    public record Quote(@NotBlank @Size(max = TextQuote.MAX_EXACT) String exact,
            @Size(max = TextQuote.MAX_CONTEXT) String prefix, @Size(max = TextQuote.MAX_CONTEXT) String suffix) {
    }

    /** A reply in a thread. */
    public record NewReply(@NotBlank @Size(max = ReviewComments.MAX_BODY) String text) {
    }

    /** A thread as the API shows it; {@code anchor} is {@code current} or {@code outdated}. */
    public record ThreadView(long id, int revision, TextQuote quote, String anchor, String text, boolean blocking,
            boolean open, String author, Instant createdAt, String resolvedBy, Instant resolvedAt,
            List<ReplyView> replies) {

        static ThreadView of(CommentThread thread) {
            return new ThreadView(thread.id(), thread.revision(), thread.quote(), thread.anchor().value(),
                    thread.body(), thread.blocking(), thread.open(), thread.author(), thread.createdAt(),
                    thread.resolvedBy(), thread.resolvedAt(), thread.replies().stream()
                            .map(reply -> new ReplyView(reply.id(), reply.revision(), reply.body(), reply.author(),
                                    reply.createdAt()))
                            .toList());
        }
    }

    /** A reply as the API shows it. */
    public record ReplyView(long id, int revision, String text, String author, Instant createdAt) {
    }
}
