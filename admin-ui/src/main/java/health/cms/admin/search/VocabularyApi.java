package health.cms.admin.search;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;

/** The editors' groups of the search vocabulary: readable by the desk, added by editors, applied at once. */
@ManagementApi
@Path("/manage/v1/search/vocabulary")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VocabularyApi {

    private final SearchVocabulary vocabulary;
    private final CurrentActor actor;

    VocabularyApi(SearchVocabulary vocabulary, CurrentActor actor) {
        this.vocabulary = vocabulary;
        this.actor = actor;
    }

    /** A new group: its terms separated by commas, e.g. {@code "zoster rash, shingles"}. */
    public record NewGroup(@NotNull @Size(min = 1, max = 800) String terms) {
    }

    /** The editors' groups, oldest first (our file's groups apply as well and are not listed). */
    public record Groups(List<SearchVocabulary.Group> groups) {
    }

    @GET
    public Groups groups() {
        return new Groups(vocabulary.groups());
    }

    @POST
    public Response add(@NotNull @Valid NewGroup body) {
        SearchVocabulary.Group group = vocabulary.add(actor.get(), body.terms());
        return Response.created(URI.create("/manage/v1/search/vocabulary#" + group.id())).entity(group).build();
    }
}
