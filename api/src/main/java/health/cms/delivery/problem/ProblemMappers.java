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
import health.cms.delivery.store.PublishedArticles;

/** Maps every failure of the delivery API to problem+json, without class names or stack traces. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(Problem.notFound("No published content at this address"));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            errors.put(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
        }
        return response(Problem.invalid("One or more parameters are invalid", errors));
    }

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return response(Problem.invalid("One or more parameters are invalid", Map.of(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(PublishedArticles.StoreUnavailableException e) {
        LOG.warn("Content store unavailable: " + e.getCause().getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "unavailable", "Temporarily unavailable",
                        "The content store cannot be reached; try again in a few seconds"))
                .build();
    }

    @ServerExceptionMapper
    public Response invalidValue(PublishedArticles.InvalidValueException e) {
        LOG.warn("A request value was refused by the database: " + e.getCause().getMessage());
        return response(Problem.invalid("A value in the request cannot be searched for", Map.of()));
    }

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
