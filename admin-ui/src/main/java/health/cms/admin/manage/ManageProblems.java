package health.cms.admin.manage;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import health.cms.core.problem.Problem;
import health.cms.workflow.WorkflowException;

/** Maps every failure of the management API to problem+json: a clear reason, never a stack trace. */
public class ManageProblems {

    private static final Logger LOG = Logger.getLogger(ManageProblems.class);

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response workflow(WorkflowException e) {
        return response(switch (e.kind()) {
            case NOT_FOUND -> Problem.notFound(e.getMessage());
            case FORBIDDEN -> Problem.of(403, "forbidden", "Not allowed", e.getMessage());
            case CONFLICT -> Problem.of(409, "conflict", "Not possible in the current state", e.getMessage());
            case STALE -> Problem.of(412, "stale-version", "The article changed since you loaded it", e.getMessage());
            case INVALID -> Problem.invalid(e.getMessage(), e.fieldErrors());
        });
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e) {
        return response(Problem.of(412, "stale-version", "The article changed since you loaded it",
                "Someone else changed this record at the same moment; reload it and try again"));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            String[] parts = path.split("\\.");
            String field = parts.length > 2
                    ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                    : parts[parts.length - 1];
            errors.put(field, violation.getMessage());
        }
        return response(Problem.invalid("One or more fields are invalid", errors));
    }

    /** Ahead of Quarkus's built-in JSON error mappers, which answer plain JSON rather than problem+json. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, com.fasterxml.jackson.core.JsonParseException.class}, priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        String detail = "The body is not valid JSON for this endpoint";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String expected = e instanceof InvalidFormatException format
                    ? "has the wrong type (expected " + format.getTargetType().getSimpleName().toLowerCase() + ")"
                    : "has the wrong type or shape";
            return response(Problem.invalid(detail, Map.of(field, expected)));
        }
        return response(Problem.invalid(detail, Map.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return response(Problem.of(status, "http-" + status, title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while serving a request", e);
        return response(Problem.of(500, "internal-error", "Internal error",
                "The server could not answer this request; the failure has been logged"));
    }
}
