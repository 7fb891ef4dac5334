package health.cms.admin.autosave;

import java.time.Instant;
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

import health.cms.admin.article.ArticleForm;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Forms;
import health.cms.core.article.ArticleRepository;
import health.cms.core.markdown.MarkdownRenderer;
import health.cms.core.refusal.Refusal;
import health.cms.core.scratch.ScratchCopies;

/**
 * Autosave for the article editor: the editor's script posts the text every few seconds as the writer's
 * private scratch copy, and the writer restores or discards it when they come back. Saving the article
 * still goes through the editor's form, with its version check.
 */
@Path("/scratch/{id}")
@RolesAllowed(DeskRoles.WRITER)
public class AutosavePages {

    @Inject
    DeskUser user;
    @Inject
    ScratchCopies scratches;
    @Inject
    ArticleRepository articles;

    /**
     * Keeps the text the editor's script posts (the editor's own form: version, title, lead, body); answers
     * with the time kept, which the editor shows as "Autosaved at ...".
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String keep(@PathParam("id") long id, @BeanParam ArticleForm form) {
        requireArticle(id);
        Map<String, String> tooLong = new java.util.LinkedHashMap<>();
        check(tooLong, "title", form.title, ScratchCopies.MAX_TITLE_CHARS);
        check(tooLong, "summary", form.summary, ScratchCopies.MAX_SUMMARY_CHARS);
        check(tooLong, "body", form.body, MarkdownRenderer.MAX_BODY_CHARS);
        if (!tooLong.isEmpty()) {
            throw Refusal.invalid(tooLong);
        }
        Instant kept = scratches.keep(id, user.username(), Forms.requireVersion(form.version), form.title,
                form.summary, form.body);
        return kept.toString();
    }

    /** Drops the scratch copy and goes back to the editor with the saved text. Works without JavaScript. */
    @POST
    @Path("/discard")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response discard(@PathParam("id") long id) {
        requireArticle(id);
        scratches.discard(id, user.username());
        return Forms.seeOther("/articles/" + id + "?done=discarded");
    }

    private void requireArticle(long id) {
        if (articles.findByIdOptional(id).isEmpty()) {
            throw Refusal.notFound("Article " + id);
        }
    }

    private static void check(Map<String, String> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.put(field, "must be at most " + max + " characters");
        }
    }
}
