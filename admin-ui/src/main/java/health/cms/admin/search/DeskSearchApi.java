package health.cms.admin.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;

/**
 * Finds articles in any state from the desk's own index: {@code q} as typed in a search box, filters by
 * {@code status, category, tag, author, assignee, review (due|overdue), changedSince (date)}, counts per
 * facet, and cursor pagination ({@code limit}, {@code cursor} from the previous answer's {@code next}).
 */
@ManagementApi
@Path("/manage/v1/search/articles")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class DeskSearchApi {

    private final DeskSearch search;

    DeskSearchApi(DeskSearch search) {
        this.search = search;
    }

    @GET
    public DeskSearch.Results search(@BeanParam DeskSearchParams params) {
        return search.search(params.request());
    }
}
