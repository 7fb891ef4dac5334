package health.cms.admin.translation;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import health.cms.admin.article.ArticleQueries;
import health.cms.admin.article.ArticleState;
import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.Forms;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.Versions;
import health.cms.core.article.Article;
import health.cms.core.refusal.Refusal;
import health.cms.core.slug.Slugs;
import health.cms.workflow.TranslationService;

/** An article's languages for other tools, and starting a translation (as the desk's translation page does). */
@ManagementApi
@Path("/manage/v1/articles/{id}/translations")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TranslationsApi {

    /** The longest locale tag accepted (BCP 47 tags in practice stay far below it). */
    static final int MAX_LOCALE = 35;

    @Inject
    TranslationDesk desk;
    @Inject
    TranslationService translations;
    @Inject
    ArticleQueries queries;
    @Inject
    CurrentActor actor;

    /** What starts a translation: its locale (one of the configured ones), its own slug and its title. */
    public record StartBody(@Size(max = MAX_LOCALE) String locale, @Size(max = Slugs.MAX_LENGTH) String slug,
            @Size(max = TranslationPages.MAX_TITLE) String title) {
    }

    @GET
    @Operation(summary = "The article's languages with their state: the article, its source when it is a translation, "
            + "every translation of the source (status, live, outdated with the source's change date and class, base "
            + "revision) and the locales still open to a translation")
    public TranslationDesk.Languages list(@PathParam("id") long id) {
        return desk.languages(id);
    }

    /**
     * Starts a translation as a copy of the source text it is made from (the live revision, else the working one),
     * a draft of its own to translate and submit like any article.
     */
    @POST
    @Operation(summary = "Starts a translation into a configured locale (writers): a draft copy of the source text "
            + "under its own slug and title; 400 for an unknown or taken locale, the source's own locale or a source "
            + "that is itself a translation")
    public Response start(@PathParam("id") long id, @Valid StartBody body) {
        if (body == null) {
            throw Refusal.invalid(Map.of("body", "a JSON object with locale, slug and title is required"));
        }
        // the desk form's reading of the same three fields
        Article created = translations.startFromSource(actor.get(), id, Forms.blankToNull(body.locale()),
                Forms.blankToNull(body.slug()), body.title() == null ? null : body.title().strip());
        ArticleState state = queries.state(created.id(), actor.get());
        return Versions.created("/manage/v1/articles/" + state.id(), state, state.version());
    }
}
