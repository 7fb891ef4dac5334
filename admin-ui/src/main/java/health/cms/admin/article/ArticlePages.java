package health.cms.admin.article;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import health.cms.admin.catalog.DeskCatalog;
import health.cms.admin.config.CmsConfig;
import health.cms.admin.media.MediaLibrary;
import health.cms.admin.readability.ReadabilityView;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.article.ArticleStatus;
import health.cms.core.audit.AuditEvent;
import health.cms.core.diff.RevisionDiff;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.readability.RevisionReadabilities;
import health.cms.core.refusal.Refusal;
import health.cms.core.refusal.WholeNumber;
import health.cms.core.scratch.ScratchCopies;
import health.cms.core.scratch.ScratchCopy;
import health.cms.workflow.comment.ReviewComments;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The article pages of the desk: the list, the editor with its live preview and workflow actions,
 * and the history. Every change goes through the same services as the management API; a refused
 * save re-renders the form with the person's own text, so nothing typed is ever lost.
 */
@Path("/articles")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class ArticlePages {

    static final String BODY_TOO_LONG = "must be at most " + MarkdownRenderer.MAX_BODY_CHARS + " characters";

    static final int PAGE_SIZE = 50;
    /** How many of the library's newest images the editor offers to pick from (the library page searches all). */
    static final int PICKER_SIZE = 24;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance list(ArticleViews.ListView view);

        static native TemplateInstance editor(ArticleViews.EditorView view);

        static native TemplateInstance editor$reader(ArticleViews.Preview preview);

        static native TemplateInstance history(ArticleViews.HistoryView view);
    }

    @Inject
    DeskUser user;
    @Inject
    ArticleQueries queries;
    @Inject
    ArticleCommands commands;
    @Inject
    ArticleActions actions;
    @Inject
    ArticleHistory history;
    @Inject
    DeskCatalog catalog;
    @Inject
    MarkdownRenderer renderer;
    @Inject
    CmsConfig config;
    @Inject
    ReviewComments comments;
    @Inject
    RevisionReadabilities readabilities;
    @Inject
    ScratchCopies scratches;
    @Inject
    MediaLibrary media;

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("category") String category,
            @QueryParam("mine") boolean mine, @QueryParam("page") String page) {
        ArticleStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        int pageNumber = WholeNumber.parse("page", page, 1, 1, 10_000);
        List<ArticleState.Summary> found = queries.list(wanted, null, Forms.blankToNull(category),
                mine ? user.username() : null,
                null, PAGE_SIZE + 1, (pageNumber - 1) * PAGE_SIZE);
        return Templates.list(new ArticleViews.ListView(found.subList(0, Math.min(PAGE_SIZE, found.size())),
                wanted == null ? null : wanted.value(), Forms.blankToNull(category), mine, pageNumber,
                found.size() > PAGE_SIZE, categoryOptions()));
    }

    @GET
    @Path("/new")
    public TemplateInstance newArticle() {
        requireWriter();
        return editor(null, new ArticleForm(), Map.of(), null, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(@BeanParam ArticleForm form) {
        requireWriter();
        if (form.isPreview()) {
            return editor(null, form, Map.of(), null, null, null, null);
        }
        try {
            ArticleState created = commands.create(user.actor(), form.toInput());
            return Forms.seeOther("/articles/" + created.id() + "?done=created");
        } catch (Refusal e) {
            return Failures.refusedForm(e, editor(null, form, e.fieldErrors(), Failures.formMessage(e), null, null, null));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") long id, @QueryParam("done") String done,
            @QueryParam("restore") boolean restore, @QueryParam("sourceRevision") Integer sourceRevision) {
        ArticleState state = queries.state(id, user.actor());
        ArticleForm form = ArticleForm.of(state);
        form.sourceRevision = sourceRevision;
        // Restoring fills the form with the autosaved text at the version it was typed against, so saving it
        // meets the same optimistic lock (and the same conflict page) as if the tab had never closed.
        Optional<ScratchCopy> scratch = restore && user.isWriter() ? scratches.of(id, user.username()) : Optional.empty();
        scratch.ifPresent(copy -> form.restore(copy));
        return editor(state, form, Map.of(), null, scratch.isPresent() ? "restored" : done, null, null);
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(@PathParam("id") long id, @BeanParam ArticleForm form) {
        ArticleState current = queries.state(id, user.actor());
        form.slug = current.slug();
        if (form.isPreview()) {
            return editor(current, form, Map.of(), null, null, null, null);
        }
        try {
            commands.edit(user.actor(), id, Forms.requireVersion(form.version), form.toInput(), form.sourceRevision);
            scratches.discard(id, user.username());
            return Forms.seeOther("/articles/" + id + "?done=saved");
        } catch (Refusal e) {
            if (e instanceof Refusal.Stale) {
                return conflict(id, form, e);
            }
            return Failures.refusedForm(e,
                    editor(current, form, e.fieldErrors(), Failures.formMessage(e), null, null, null));
        }
    }

    /** The live preview for the editor's script: the same fragment the page renders without JavaScript. */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance livePreview(@BeanParam ArticleForm form) {
        return Templates.editor$reader(preview(form));
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") long id, @BeanParam ActionForm action) {
        return actions.run(id, action, "/articles/" + id, failure -> {
            ArticleState current = queries.state(id, user.actor());
            return editor(current, ArticleForm.of(current), Map.of(), null, null, null, failure);
        });
    }

    @GET
    @Path("/{id}/history")
    public TemplateInstance history(@PathParam("id") long id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page) {
        ArticleState state = queries.state(id, user.actor());
        // A page at a time, newest first: an article edited thousands of times must not render them all at once.
        int pageNumber = WholeNumber.parse("page", page, 1, 1, 10_000);
        int revisionsFrom = (pageNumber - 1) * ArticleViews.HistoryView.REVISIONS_PER_PAGE;
        int eventsFrom = (pageNumber - 1) * ArticleViews.HistoryView.EVENTS_PER_PAGE;
        List<ArticleState.RevisionView> revisions = queries.newestRevisions(id, revisionsFrom,
                ArticleViews.HistoryView.REVISIONS_PER_PAGE + 1);
        List<AuditEvent> audit = history.newestAudit(id, eventsFrom, ArticleViews.HistoryView.EVENTS_PER_PAGE + 1);
        RevisionDiff.Result diff = null;
        if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
            diff = history.diff(id, String.valueOf(revisionNumber("from", from)), revisionNumber("to", to));
        }
        return Templates.history(ArticleViews.HistoryView.of(state, revisions, diff, audit, history.corrections(id),
                pageNumber));
    }

    private Response conflict(long id, ArticleForm form, Refusal stale) {
        ArticleState current = queries.state(id, user.actor());
        int base = form.baseRevision == null ? current.workingRevision().number() : form.baseRevision;
        RevisionDiff.Result theirs = base == current.workingRevision().number()
                ? null
                : history.diff(id, String.valueOf(base), current.workingRevision().number());
        // The next save is against the version now stored; the form keeps this person's text to merge.
        form.version = current.version();
        form.baseRevision = current.workingRevision().number();
        ArticleViews.Conflict conflict = theirs == null
                ? new ArticleViews.Conflict(null, current.updatedAt(), null)
                : new ArticleViews.Conflict(current.workingRevision().createdBy(), current.workingRevision().createdAt(),
                        theirs);
        return Failures.refusedForm(stale, editor(current, form, Map.of(), null, null, conflict, null));
    }

    TemplateInstance editor(ArticleState article, ArticleForm form, Map<String, String> errors, String message,
            String done, ArticleViews.Conflict conflict, ActionView.Failure failure) {
        boolean editable = user.isWriter() && (article == null
                || article.status().equals(ArticleStatus.DRAFT.value())
                || article.status().equals(ArticleStatus.PUBLISHED.value()));
        String publicUrl = article != null && article.live()
                ? config.publicApiUrl() + "/api/v1/articles/" + article.slug()
                : null;
        List<ActionView> actions = article == null ? List.of() : ActionView.of(article, failure);
        String shown = message != null ? message : ActionView.unplacedMessage(actions, failure);
        ScratchCopy scratch = article == null || !editable || "restored".equals(done)
                ? null
                : scratches.of(article.id(), user.username()).filter(copy -> !form.holds(copy)).orElse(null);
        return Templates.editor(new ArticleViews.EditorView(article, form, errors, shown, done, categoryOptions(),
                catalog.profiles().stream().filter(p -> p.isAuthor())
                        .map(p -> new ArticleViews.Option(p.slug(),
                                p.displayName() + (p.credentials() == null ? "" : ", " + p.credentials())))
                        .toList(),
                catalog.tags().stream().map(t -> new ArticleViews.Option(t.slug(), t.name())).toList(), preview(form), conflict,
                actions, editable, publicUrl, article == null ? List.of() : comments.threads(article.id()), scratch,
                editable ? media.search(null, null, 0, PICKER_SIZE) : List.of()));
    }

    private ArticleViews.Preview preview(ArticleForm form) {
        String body = form.body == null ? "" : form.body;
        if (body.length() > MarkdownRenderer.MAX_BODY_CHARS) {
            // The same limit as save: a preview must not be a way to make the server render more than it stores.
            return new ArticleViews.Preview(form.title, form.summary, "<p class=\"error\">The body "
                    + BODY_TOO_LONG + "; shorten it to see the preview.</p>", null, snippet(form));
        }
        // the library images the body names show as readers will get them (with the library's description, which
        // saving copies into the revision)
        return new ArticleViews.Preview(form.title, form.summary,
                renderer.render(body, media.picturesIn(renderer.markdownImages(body))).html(),
                ReadabilityView.of(readabilities.draft(body, form.category)), snippet(form));
    }

    private static SearchSnippet snippet(ArticleForm form) {
        return SearchSnippet.of(form.appearance(), form.title, form.summary, form.slug);
    }

    private List<ArticleViews.Option> categoryOptions() {
        return catalog.categories().stream().map(c -> new ArticleViews.Option(c.slug(), c.name())).toList();
    }

    private void requireWriter() {
        if (!user.isWriter()) {
            throw Refusal.forbidden("Writing articles needs the writer role");
        }
    }

    private static ArticleStatus parseStatus(String status) {
        try {
            return ArticleStatus.fromValue(status);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(Map.of("status", "unknown status '" + status + "'"));
        }
    }

    private static Integer revisionNumber(String field, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(Map.of(field, "must be a revision number"));
        }
    }

}
