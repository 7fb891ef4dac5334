package health.cms.admin.reviewer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;

/** The management API's reviewer suggestions for an article, best match first. */
@ManagementApi
@Path("/manage/v1/articles/{id}/reviewers")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ReviewersApi {

    @Inject
    ReviewerSuggestions suggestions;

    /**
     * The reviewers who may sign off the article's working revision, those in the specialties its category
     * needs first, then by open review load; each with their languages.
     */
    @GET
    public ReviewerSuggestions.Suggestions reviewers(@PathParam("id") long id) {
        return suggestions.forArticle(id);
    }
}
