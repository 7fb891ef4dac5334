package health.cms.admin.translation;

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
import health.cms.core.article.Article;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.workflow.TranslationService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The desk's translation page of an article: its languages with their state and the form that starts a
 * translation (as a copy of the source text, to translate in the editor); for a translation, its source beside it
 * section by section with what changed in the source since its base.
 */
@Path("/articles/{id}/translations")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class TranslationPages {

    /** The longest title a translation may be started with. */
    static final int MAX_TITLE = 300;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance family(FamilyView view);
    }

    /** The article's languages, the start form as posted when it was refused, and what happened. */
    public record FamilyView(TranslationDesk.Family family, String locale, String slug, String title, String message,
            Map<String, String> errors, String done) {
    }

    @Inject
    DeskUser user;
    @Inject
    TranslationDesk desk;
    @Inject
    TranslationService translations;

    @GET
    public TemplateInstance family(@PathParam("id") long id, @QueryParam("done") String done) {
        return Templates.family(new FamilyView(desk.family(id), null, null, null, null, Map.of(),
                "created".equals(done) ? done : null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") long id, @RestForm String locale, @RestForm String slug,
            @RestForm String title) {
        try {
            if (!user.isWriter()) {
                throw Refusal.forbidden("Translating articles needs the writer role");
            }
            checkLength("locale", locale, 35);
            checkLength("slug", slug, Slugs.MAX_LENGTH);
            checkLength("title", title, MAX_TITLE);
            Article created = translations.startFromSource(user.actor(), id, Forms.blankToNull(locale),
                    Forms.blankToNull(slug), title == null ? null : title.strip());
            return Forms.seeOther("/articles/" + created.id() + "?done=created");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e, Templates.family(new FamilyView(desk.family(id), locale, slug, title,
                    Failures.formMessage(e), e.fieldErrors(), null)));
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Refusal.invalid(Map.of(field, "must be at most " + max + " characters"));
        }
    }
}
