package health.cms.admin.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.catalog.TermNaming.Kind;
import health.cms.admin.catalog.TermNaming.LocalNameInput;
import health.cms.admin.catalog.TermNaming.TermNames;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.locale.Locales;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The catalog's page for a category's or tag's names in the other locales; editors only, like the catalog. */
@Path("/catalog/{kind: categories|tags}/{slug}/names")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class TermNamesPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance names(NamesView view);
    }

    /**
     * A category's or tag's names in the other locales: {@code kind} is {@code categories} or {@code tags} (the
     * address), the rows are one per other configured locale.
     */
    public record NamesView(String kind, String slug, String defaultName, String defaultLocale, long version,
            List<NameRow> rows, String message, Map<String, String> errors) {

        public boolean isCategory() {
            return kind.equals("categories");
        }
    }

    /** One locale's row of the names form, with what it holds (or what was typed) and its errors. */
    public record NameRow(String locale, String name, String slug, String nameError, String slugError) {

        /** The row as the term holds it now (empty when the locale has no name of its own). */
        static NameRow held(String locale, TermNames term) {
            return Optional.ofNullable(term.localNames().get(locale))
                    .map(name -> new NameRow(locale, name.name(), nz(name.slug()), null, null))
                    .orElse(new NameRow(locale, "", "", null, null));
        }
    }

    @Inject
    DeskUser user;
    @Inject
    Locales locales;
    @Inject
    TermNaming naming;

    @GET
    public TemplateInstance names(@PathParam("kind") String kind, @PathParam("slug") String slug) {
        CatalogPages.requireEditor(user);
        TermNames term = naming.names(Kind.ofPath(kind), slug);
        List<NameRow> rows = naming.otherLocales().stream().map(locale -> NameRow.held(locale, term)).toList();
        return Templates.names(new NamesView(kind, slug, term.name(), locales.defaultLocale(), term.version(), rows,
                null, Map.of()));
    }

    /** Saves the names in the other locales: one {@code locale}, {@code name} and {@code localSlug} per row. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object saveNames(@PathParam("kind") String kind, @PathParam("slug") String slug, @RestForm Long version,
            @RestForm("locale") List<String> localeFields, @RestForm("name") List<String> nameFields,
            @RestForm("localSlug") List<String> slugFields) {
        List<LocalNameInput> inputs = new ArrayList<>();
        for (int i = 0; i < localeFields.size(); i++) {
            inputs.add(new LocalNameInput(localeFields.get(i), i < nameFields.size() ? nameFields.get(i) : "",
                    i < slugFields.size() ? slugFields.get(i) : ""));
        }
        try {
            naming.name(user.actor(), Kind.ofPath(kind), slug, Forms.requireVersion(version), inputs);
            return Forms.seeOther("/catalog?done=names-saved");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            Map<String, String> errors = e.fieldErrors();
            TermNames term = naming.names(Kind.ofPath(kind), slug);
            // every language's row again, with what was typed in it (or what it holds, when it was not sent)
            List<NameRow> rows = naming.otherLocales().stream().map(locale -> inputs.stream()
                    .filter(input -> locale.equals(input.locale())).findFirst()
                    .map(input -> new NameRow(locale, nz(input.name()), nz(input.slug()), errors.get("name." + locale),
                            errors.get("slug." + locale)))
                    .orElseGet(() -> NameRow.held(locale, term)))
                    .toList();
            return Failures.refusedForm(e, Templates.names(new NamesView(kind, slug, term.name(),
                    locales.defaultLocale(), version == null ? term.version() : version, rows, Failures.formMessage(e),
                    errors)));
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
