package health.cms.admin.importing;

import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import health.cms.admin.web.CurrentActor;
import health.cms.admin.web.DeskRoles;
import health.cms.admin.web.ManagementApi;

/**
 * Bulk import of JSON Lines: {@code POST /manage/v1/imports} answers 202 with the job, and
 * {@code GET /manage/v1/imports/{id}} shows progress and, when finished, the result of every line.
 */
@ManagementApi
@Path("/manage/v1/imports")
@RolesAllowed({DeskRoles.WRITER, DeskRoles.MEDICAL_REVIEWER, DeskRoles.EDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class ImportApi {

    @Inject
    ArticleImporter importer;
    @Inject
    CurrentActor actor;

    /** The body is read as it arrives (a blocking endpoint streams it), never held whole in memory. */
    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    public Response start(InputStream body, @QueryParam("submit") @DefaultValue("false") boolean submit) {
        ImportJob job = importer.start(actor.get(), ImportSource.spool(body, "body"), submit);
        return Response.accepted(importer.view(actor.get(), job.id(), false))
                .location(URI.create("/manage/v1/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    public ArticleImporter.ImportView get(@PathParam("id") long id,
            @QueryParam("results") @DefaultValue("true") boolean results) {
        return importer.view(actor.get(), id, results);
    }
}
