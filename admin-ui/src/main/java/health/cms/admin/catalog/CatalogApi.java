package health.cms.admin.catalog;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;
import health.cms.admin.web.PageRequest;
import health.cms.admin.web.Versions;
import health.cms.core.profile.Profile;
import health.cms.core.profile.ProfileDetails;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.Tag;

/** Categories, tags and author/reviewer profiles: readable by the desk, changed by editors. */
@ManagementApi
@Path("/manage/v1")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogApi {

    @Inject
    DeskCatalog catalog;
    @Inject
    CurrentActor actor;

    /** A category as JSON. */
    public record CategoryJson(String slug, @NotNull @Size(min = 1, max = 200) String name,
            @Size(max = 2000) String description, @Min(1) @Max(120) int reviewIntervalMonths,
            @DecimalMin("1") @DecimalMax("18") @Digits(integer = 2, fraction = 1) BigDecimal targetGrade,
            @Size(max = 20) List<@NotNull @Size(max = 100) String> specialties, long version) {

        static CategoryJson of(Category c) {
            return new CategoryJson(c.slug(), c.name(), c.description(), c.reviewIntervalMonths(),
                    c.targetGrade().orElse(null), c.specialties(), c.version());
        }
    }

    /** A tag as JSON. */
    public record TagJson(String slug, @NotNull @Size(min = 1, max = 200) String name, long version) {

        static TagJson of(Tag t) {
            return new TagJson(t.slug(), t.name(), t.version());
        }
    }

    /** A profile as JSON. */
    public record ProfileJson(String slug, @NotNull @Size(min = 1, max = 200) String displayName,
            @Size(max = 200) String credentials, @Size(max = 5000) String bio, @Size(max = 500) String website,
            @Size(max = 500) String avatarUrl, List<@Size(max = 100) String> specialties,
            @Size(max = 200) String keycloakUser, boolean author, boolean reviewer, long version) {

        static ProfileJson of(Profile p) {
            return new ProfileJson(p.slug(), p.displayName(), p.credentials(), p.bio(), p.website(), p.avatarUrl(),
                    p.specialties(), p.keycloakUser(), p.isAuthor(), p.isReviewer(), p.version());
        }

        ProfileDetails details() {
            return new ProfileDetails(displayName, credentials, bio, website, avatarUrl, specialties, keycloakUser,
                    author, reviewer);
        }
    }

    @GET
    @Path("/categories")
    public Response categories(@BeanParam PageRequest page) {
        return page.respond(catalog::categories, CategoryJson::of);
    }

    @POST
    @Path("/categories")
    public Response createCategory(@NotNull @Valid CategoryJson body) {
        Category c = catalog.createCategory(actor.get(), body.slug(), body.name(), body.description(),
                body.reviewIntervalMonths(), body.targetGrade(), body.specialties() == null ? List.of() : body.specialties());
        return Versions.created("/manage/v1/categories/" + c.slug(), CategoryJson.of(c), c.version());
    }

    @PUT
    @Path("/categories/{slug}")
    public Response updateCategory(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CategoryJson body) {
        Category c = catalog.updateCategory(actor.get(), slug, Versions.fromIfMatch(ifMatch), body.name(),
                body.description(), body.reviewIntervalMonths(), body.targetGrade(), body.specialties());
        return Versions.ok(CategoryJson.of(c), c.version());
    }

    @DELETE
    @Path("/categories/{slug}")
    public Response deleteCategory(@PathParam("slug") String slug) {
        catalog.deleteCategory(actor.get(), slug);
        return Response.noContent().build();
    }

    @GET
    @Path("/tags")
    public Response tags(@BeanParam PageRequest page) {
        return page.respond(catalog::tags, TagJson::of);
    }

    @POST
    @Path("/tags")
    public Response createTag(@NotNull @Valid TagJson body) {
        Tag t = catalog.createTag(actor.get(), body.slug(), body.name());
        return Versions.created("/manage/v1/tags/" + t.slug(), TagJson.of(t), t.version());
    }

    @PUT
    @Path("/tags/{slug}")
    public Response updateTag(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid TagJson body) {
        Tag t = catalog.updateTag(actor.get(), slug, Versions.fromIfMatch(ifMatch), body.name());
        return Versions.ok(TagJson.of(t), t.version());
    }

    @DELETE
    @Path("/tags/{slug}")
    public Response deleteTag(@PathParam("slug") String slug) {
        catalog.deleteTag(actor.get(), slug);
        return Response.noContent().build();
    }

    @GET
    @Path("/authors")
    public Response profiles(@BeanParam PageRequest page) {
        return page.respond(catalog::profiles, ProfileJson::of);
    }

    @GET
    @Path("/authors/{slug}")
    public Response profile(@PathParam("slug") String slug) {
        Profile p = catalog.profile(slug);
        return Versions.ok(ProfileJson.of(p), p.version());
    }

    @POST
    @Path("/authors")
    public Response createProfile(@NotNull @Valid ProfileJson body) {
        Profile p = catalog.createProfile(actor.get(), body.slug(), body.details());
        return Versions.created("/manage/v1/authors/" + p.slug(), ProfileJson.of(p), p.version());
    }

    @PUT
    @Path("/authors/{slug}")
    public Response updateProfile(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ProfileJson body) {
        Profile p = catalog.updateProfile(actor.get(), slug, Versions.fromIfMatch(ifMatch), body.details());
        return Versions.ok(ProfileJson.of(p), p.version());
    }

    @DELETE
    @Path("/authors/{slug}")
    public Response deleteProfile(@PathParam("slug") String slug) {
        catalog.deleteProfile(actor.get(), slug);
        return Response.noContent().build();
    }

}
