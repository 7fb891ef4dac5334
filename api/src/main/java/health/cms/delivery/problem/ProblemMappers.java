package health.cms.delivery.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import health.cms.core.problem.Problem;
import health.cms.core.refusal.Refusal;
import health.cms.delivery.store.ReadModel;

/**
 * The delivery API's one mapper: every failure becomes problem+json, without class names or stack
 * traces. Its own refusals are core's {@link Refusal}s; the rest are what the framework and the
 * database throw.
 */
public class ProblemMappers {

    /** The api takes no bodies, so every invalid field is a parameter; clients have always read this detail. */
    static final String INVALID_PARAMETERS = "One or more parameters are invalid";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response refused(Refusal refusal) {
        return response(refusal instanceof Refusal.Invalid
                ? Problem.invalid(INVALID_PARAMETERS, refusal.fieldErrors())
                : Problem.of(refusal));
    }

    /** Validation at the edge ({@code @Pattern}, {@code @Size}...): the same answer as a refusal of those fields. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            errors.put(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
        }
        return response(Problem.invalid(INVALID_PARAMETERS, errors));
    }

    /** Nothing live at this address, or no route at all: one answer, so a draft looks like nothing. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(Problem.notFound("No published content at this address"));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(ReadModel.StoreUnavailableException e) {
        LOG.warn("Content store unavailable: " + e.getCause().getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "unavailable", "Temporarily unavailable",
                        "The content store cannot be reached; try again in a few seconds"))
                .build();
    }

    @ServerExceptionMapper
    public Response invalidValue(ReadModel.InvalidValueException e) {
        LOG.warn("A request value was refused by the database: " + e.getCause().getMessage());
        return response(Problem.invalid("A value in the request cannot be searched for", Map.of()));
    }

    /** The framework's other refusals (406 for an Accept header nothing here produces, say). */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return response(Problem.of(status, "http-" + status, title, title));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while serving a request", e);
        return response(Problem.of(500, "internal-error", "Internal error",
                "The server could not answer this request; the failure has been logged"));
    }
}
