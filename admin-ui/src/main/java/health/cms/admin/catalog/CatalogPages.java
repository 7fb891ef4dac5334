package health.cms.admin.catalog;

import java.util.List;
import java.util.Map;

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

import org.jboss.resteasy.reactive.RestForm;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.DeskUser;
import health.cms.admin.web.Failures;
import health.cms.admin.web.Forms;
import health.cms.core.profile.Profile;
import health.cms.core.refusal.Refusal;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The editors' catalog: author and reviewer profiles, categories with their re-review interval, and
 * tags. The catalog service re-checks the editor role on every change.
 */
@Path("/catalog")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.TEXT_HTML)
public class CatalogPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance index(CatalogView view);

        static native TemplateInstance profile(ProfileView view);

        static native TemplateInstance category(CategoryView view);
    }

    /** Everything in the catalog, and the create form that was refused, if any. */
    public record CatalogView(List<Category> categories, List<Tag> tags, List<Profile> profiles, String done,
            FormState form) {
    }

    /** A refused form: which one, its message, its field errors and what was typed. */
    public record FormState(String name, String message, Map<String, String> errors, Map<String, String> typed) {

        static final FormState NONE = new FormState("", null, Map.of(), Map.of());

        /** What was typed in this field of this form, or the default for a fresh form. */
        public String valueFor(String form, String field, String fallback) {
            return name.equals(form) ? typed.getOrDefault(field, "") : fallback;
        }

        public String errorFor(String form, String field) {
            return name.equals(form) ? errors.get(field) : null;
        }
    }

    /** The profile editor (slug null for a new profile). */
    public record ProfileView(boolean isNew, ProfileForm form, String message, Map<String, String> errors) {
    }

    /** The category editor. */
    public record CategoryView(CategoryForm form, String message, Map<String, String> errors) {
    }

    @Inject
    DeskUser user;
    @Inject
    DeskCatalog catalog;

    @GET
    public TemplateInstance index(@QueryParam("done") String done) {
        requireEditor();
        return index(done, FormState.NONE);
    }

    @POST
    @Path("/categories")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object createCategory(@BeanParam CategoryForm form) {
        try {
            catalog.createCategory(user.actor(), form.slug, form.name, form.description, form.interval());
            return Forms.seeOther("/catalog?done=category-created");
        } catch (Refusal e) {
            return refused(e, "category", Map.of("slug", nz(form.slug), "name", nz(form.name), "description",
                    nz(form.description), "reviewIntervalMonths", nz(form.reviewIntervalMonths)));
        }
    }

    @GET
    @Path("/categories/{slug}")
    public TemplateInstance category(@PathParam("slug") String slug) {
        requireEditor();
        return Templates.category(new CategoryView(CategoryForm.of(catalog.category(slug)), null, Map.of()));
    }

    @POST
    @Path("/categories/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object updateCategory(@PathParam("slug") String slug, @BeanParam CategoryForm form) {
        form.slug = slug;
        try {
            catalog.updateCategory(user.actor(), slug, Forms.requireVersion(form.version), form.name, form.description,
                    form.interval(), form.grade(), form.specialtyList());
            return Forms.seeOther("/catalog?done=category-saved");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e,
                    Templates.category(new CategoryView(form, Failures.formMessage(e), e.fieldErrors())));
        }
    }

    @POST
    @Path("/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object createTag(@RestForm String slug, @RestForm String name) {
        try {
            catalog.createTag(user.actor(), slug, name);
            return Forms.seeOther("/catalog?done=tag-created");
        } catch (Refusal e) {
            return refused(e, "tag", Map.of("slug", nz(slug), "name", nz(name)));
        }
    }

    @POST
    @Path("/tags/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object renameTag(@PathParam("slug") String slug, @RestForm String name, @RestForm Long version) {
        try {
            catalog.updateTag(user.actor(), slug, Forms.requireVersion(version), name);
            return Forms.seeOther("/catalog?done=tag-saved");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return refused(e, "tag-" + slug, Map.of("name", nz(name)));
        }
    }

    @GET
    @Path("/profiles/new")
    public TemplateInstance newProfile() {
        requireEditor();
        ProfileForm form = new ProfileForm();
        form.author = true;
        return Templates.profile(new ProfileView(true, form, null, Map.of()));
    }

    @POST
    @Path("/profiles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object createProfile(@BeanParam ProfileForm form) {
        try {
            catalog.createProfile(user.actor(), form.slug, form.toDetails());
            return Forms.seeOther("/catalog?done=profile-created");
        } catch (Refusal e) {
            return Failures.refusedForm(e,
                    Templates.profile(new ProfileView(true, form, Failures.formMessage(e), e.fieldErrors())));
        }
    }

    @GET
    @Path("/profiles/{slug}")
    public TemplateInstance profile(@PathParam("slug") String slug) {
        requireEditor();
        return Templates.profile(new ProfileView(false, ProfileForm.of(catalog.profile(slug)), null, Map.of()));
    }

    @POST
    @Path("/profiles/{slug}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object updateProfile(@PathParam("slug") String slug, @BeanParam ProfileForm form) {
        form.slug = slug;
        try {
            catalog.updateProfile(user.actor(), slug, Forms.requireVersion(form.version), form.toDetails());
            return Forms.seeOther("/catalog?done=profile-saved");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return Failures.refusedForm(e,
                    Templates.profile(new ProfileView(false, form, Failures.formMessage(e), e.fieldErrors())));
        }
    }

    @POST
    @Path("/{kind}/{slug}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object delete(@PathParam("kind") String kind, @PathParam("slug") String slug) {
        try {
            switch (kind) {
                case "categories" -> catalog.deleteCategory(user.actor(), slug);
                case "tags" -> catalog.deleteTag(user.actor(), slug);
                case "profiles" -> catalog.deleteProfile(user.actor(), slug);
                default -> throw Refusal.notFound("Catalog list '" + kind + "'");
            }
            return Forms.seeOther("/catalog?done=deleted");
        } catch (Refusal e) {
            Forms.rethrowUnlessAboutTheForm(e);
            return refused(e, "delete-" + slug, Map.of());
        }
    }

    private Response refused(Refusal e, String formName, Map<String, String> typed) {
        if (e instanceof Refusal.Forbidden) {
            throw e;
        }
        FormState state = new FormState(formName, Failures.formMessage(e), e.fieldErrors(), typed);
        return Failures.refusedForm(e, index(null, state));
    }

    private TemplateInstance index(String done, FormState form) {
        return Templates.index(new CatalogView(catalog.categories(), catalog.tags(), catalog.profiles(), done, form));
    }

    private void requireEditor() {
        requireEditor(user);
    }

    /** The catalog's pages are the editors' (the service re-checks the role on every change). */
    static void requireEditor(DeskUser user) {
        if (!user.isEditor()) {
            throw Refusal.forbidden("The catalog of authors, reviewers, categories and tags is run by editors");
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
