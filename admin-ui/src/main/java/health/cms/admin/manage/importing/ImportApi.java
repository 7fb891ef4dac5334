package health.cms.admin.manage.importing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.manage.CurrentActor;
import health.cms.workflow.WorkflowException;
import io.quarkus.security.Authenticated;

/**
 * Bulk import of JSON Lines: {@code POST /manage/v1/imports} answers 202 with the job, and
 * {@code GET /manage/v1/imports/{id}} shows progress and, when finished, the result of every line.
 */
@Path("/manage/v1/imports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ImportApi {

    @Inject
    ArticleImporter importer;
    @Inject
    ArticleImporter.ImportJobs jobs;
    @Inject
    CurrentActor actor;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** Progress and, once finished, the per-line report. */
    public record ImportView(long id, String state, int totalLines, int processed, int created, int skipped,
            int failed, Instant startedAt, Instant finishedAt, List<ArticleImporter.LineResult> results) {
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    public Response start(String body, @QueryParam("submit") @DefaultValue("false") boolean submit) {
        ImportJob job = importer.start(actor.get(), body, submit);
        return Response.accepted(view(job, false)).location(URI.create("/manage/v1/imports/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    public ImportView get(@PathParam("id") long id, @QueryParam("results") @DefaultValue("true") boolean results) {
        ImportJob job = jobs.findByIdOptional(id).orElseThrow(() -> WorkflowException.notFound("Import " + id));
        if (!job.requestedBy().equals(actor.get().username())) {
            throw WorkflowException.notFound("Import " + id);
        }
        return view(job, results);
    }

    private ImportView view(ImportJob job, boolean withResults) {
        String state = job.state().equals("running")
                && job.heartbeatAt().isBefore(clock.instant().minus(ArticleImporter.STALLED_AFTER))
                        ? "interrupted"
                        : job.state();
        List<ArticleImporter.LineResult> lines = List.of();
        if (withResults) {
            try {
                lines = json.readValue(job.results(), new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored import results are not readable", e);
            }
        }
        return new ImportView(job.id(), state, job.totalLines(), job.processed(), job.created(), job.skipped(),
                job.failed(), job.startedAt(), job.finishedAt(), lines);
    }
}
