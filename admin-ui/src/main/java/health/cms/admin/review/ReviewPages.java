package health.cms.admin.review;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.article.ActionForm;
import health.cms.admin.article.ActionView;
import health.cms.admin.article.ArticleActions;
import health.cms.admin.article.ArticleHistory;
import health.cms.admin.article.ArticleQueries;
import health.cms.admin.article.ArticleState;
import health.cms.admin.media.MediaLibrary;
import health.cms.admin.media.MediaView;
import health.cms.admin.reviewer.Expertise;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.core.article.RevisionImage;
import health.cms.core.diff.RevisionDiff;
import health.cms.core.locale.Locales;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.refusal.Refusal;
import health.cms.core.review.Declaration;
import health.cms.workflow.comment.CommentThread;
import health.cms.workflow.comment.ReviewComments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The medical reviewer's screens: the queue, and one revision as readers will see it (with its byline,
 * category and tags) beside what changed since the text readers have now (or, for an article that is not
 * live, the last approved text), with the review comments on its passages and the sign-off decisions the
 * workflow allows now.
 */
@Path("/review")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class ReviewPages {

    static final int QUEUE_SIZE = 200;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance queue(List<ArticleState.Summary> articles, List<String> locales, String locale);

        static native TemplateInstance screen(ReviewView view);
    }

    /**
     * One revision under review; {@code againstLive} says whether the diff is against the live revision
     * (the article is live) or the last approved one.
     */
    public record ReviewView(ArticleState article, ArticleState.Filing filing, String renderedBody,
            RevisionDiff.Result diff, boolean againstLive, String signOffProblem, List<ActionView> actions,
            String message, String done, List<CommentThread> comments, Declarations declarations,
            List<ReviewedImage> images) {

        public String actionsUrl() {
            return "/review/" + article.id() + "/actions";
        }

        public long openComments() {
            return comments.stream().filter(CommentThread::open).count();
        }

        public long openBlocking() {
            return comments.stream().filter(thread -> thread.open() && thread.blocking()).count();
        }
    }

    /**
     * An image of the revision: the description signed with it, and the library's asset as it is now (its
     * thumbnail and patient consent; null if the asset is gone).
     */
    public record ReviewedImage(ArticleState.ImageView signed, MediaView library) {

        /** True when the library describes the image differently from what this revision holds. */
        public boolean describedAgain() {
            return library != null && !(Objects.equals(signed.altText(), library.altText())
                    && Objects.equals(signed.caption(), library.caption())
                    && Objects.equals(signed.credit(), library.credit()));
        }
    }

    /** The conflict-of-interest declarations of the reviewer on the screen: the viewer, or the one assigned. */
    public record Declarations(String reviewer, List<Declaration> list) {
    }

    @Inject
    DeskUser user;
    @Inject
    Expertise expertise;
    @Inject
    ArticleQueries queries;
    @Inject
    ArticleActions actions;
    @Inject
    ArticleHistory history;
    @Inject
    MarkdownRenderer renderer;
    @Inject
    ReviewComments comments;
    @Inject
    MediaLibrary media;
    @Inject
    Locales locales;

    /** The queue, of one language only when {@code locale} names a configured one (a reviewer's own, say). */
    @GET
    public TemplateInstance queue(@QueryParam("locale") @Size(max = 35) String locale) {
        String wanted = locale == null || locale.isBlank()
                ? null
                : locales.configured(locale).orElseThrow(() -> Refusal.invalid(
                        Map.of("locale", "must be one of " + String.join(", ", locales.available()))));
        return Templates.queue(queries.reviewQueue(0, QUEUE_SIZE, wanted), locales.available(), wanted);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance screen(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("done") String done) {
        return screen(id, null, done);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @BeanParam ActionForm action) {
        return actions.run(id, action, "/review/" + id, failure -> screen(id, failure, null));
    }

    private TemplateInstance screen(long id, ActionView.Failure failure, String done) {
        ArticleState state = queries.state(id, user.actor());
        RevisionDiff.Result diff = history.diff(id, ArticleHistory.REVIEW, null);
        List<ActionView> actions = ActionView.of(state, failure);
        return Templates.screen(new ReviewView(state, queries.filing(id),
                renderer.render(state.workingRevision().body(), media.pictures(state.workingRevision().images().stream()
                        .map(image -> new RevisionImage(image.sha256(), image.altText(), image.caption(), image.credit()))
                        .toList())).html(),
                diff, state.live(),
                user.isReviewer() ? queries.signOffProblem(id, user.actor()) : null, actions,
                ActionView.unplacedMessage(actions, failure), done, comments.threads(id), declarations(state),
                images(state.workingRevision().images())));
    }

    private List<ReviewedImage> images(List<ArticleState.ImageView> signed) {
        List<MediaView> library = media.byHashes(signed.stream().map(ArticleState.ImageView::sha256).toList());
        return signed.stream().map(image -> new ReviewedImage(image, library.stream()
                .filter(asset -> asset.sha256().equals(image.sha256())).findFirst().orElse(null))).toList();
    }

    private Declarations declarations(ArticleState state) {
        String reviewer = user.isReviewer() ? user.username() : state.assignedReviewer();
        return reviewer == null ? null : new Declarations(reviewer, expertise.declarationsOf(reviewer));
    }
}
