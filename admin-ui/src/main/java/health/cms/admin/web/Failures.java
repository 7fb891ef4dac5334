package health.cms.admin.web;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import health.cms.core.problem.Problem;
import health.cms.core.refusal.Refusal;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The one error mapper of the app: turns every refusal and failure into an answer a person can act
 * on, never a stack trace. Resources marked {@link ManagementApi} get problem+json, the desk's pages
 * get a friendly page (or their form back with the message, see {@link #refusedForm}).
 */
public class Failures {

    private static final Logger LOG = Logger.getLogger(Failures.class);

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance page(Problem problem);

        /** The same page without the navigation, for answers given outside the REST layer (no signed-in user). */
        static native TemplateInstance bare(Problem problem);
    }

    private static Response problemJson(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The desk's page for a failure that has no form to go back to. */
    private static Response page(Problem problem) {
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.page(problem)).build();
    }

    /** A signed-in person lacks the role an endpoint or a route needs. */
    static final Problem ROLE_MISSING = Problem.of(403, "forbidden", "Not allowed",
            "Your account does not have a role that allows this (writer, medical-reviewer or editor as needed);"
                    + " ask an administrator of the desk if you need it");

    private static Response answer(SimpleResourceInfo resource, UriInfo uri, Problem problem) {
        return isApi(resource, uri.getPath()) ? problemJson(problem) : page(problem);
    }

    /** Which surface answers: the resource that handled the request, else (nothing matched) its path. */
    static boolean isApi(SimpleResourceInfo resource, String path) {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        return type != null ? type.isAnnotationPresent(ManagementApi.class) : isApiPath(path);
    }

    /**
     * For answers given where no resource class is known: an unknown path (404), and the router's gate
     * and failure handler, which run before or outside the REST layer. The prefix is the same one the
     * management API's OIDC tenant and its HTTP permission claim ({@code /manage/*}), so a request
     * there is a management API request whichever code answers it.
     */
    static boolean isApiPath(String path) {
        return path.startsWith("/manage/");
    }

    /** A form page re-rendered after a refusal, with the refusal's status (400, 409, 412...). */
    public static Response refusedForm(Refusal e, TemplateInstance page) {
        return Response.status(Problem.of(e).status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page)
                .build();
    }

    /** One line for the top of a form that was refused: field errors are shown beside their fields. */
    public static String formMessage(Refusal e) {
        return e instanceof Refusal.Invalid
                ? "Please correct the fields marked below."
                : Problem.of(e).title() + ": " + e.getMessage();
    }

    @ServerExceptionMapper
    public Response refused(Refusal e, SimpleResourceInfo resource, UriInfo uri) {
        return answer(resource, uri, Problem.of(e));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, SimpleResourceInfo resource, UriInfo uri) {
        return answer(resource, uri, e.problem());
    }

    /**
     * A role check of {@code @RolesAllowed} failed for a signed-in person (an anonymous caller is sent
     * to the login instead): the same problem+json or friendly page as the workflow's refusals.
     */
    @ServerExceptionMapper
    public Response roleMissing(io.quarkus.security.ForbiddenException e, SimpleResourceInfo resource, UriInfo uri) {
        return answer(resource, uri, ROLE_MISSING);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e, SimpleResourceInfo resource, UriInfo uri) {
        return answer(resource, uri, Problem.of(412, "stale-version", "The article changed since you loaded it",
                "Someone else changed this record at the same moment; reload it and try again"));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, SimpleResourceInfo resource, UriInfo uri) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String[] parts = violation.getPropertyPath().toString().split("\\.");
            String field = parts.length > 2
                    ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length))
                    : parts[parts.length - 1];
            errors.put(field, violation.getMessage());
        }
        return answer(resource, uri, Problem.invalid("One or more fields are invalid", errors));
    }

    /** Ahead of Quarkus's built-in JSON error mappers, which answer plain JSON rather than problem+json. */
    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonParseException.class}, priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        String detail = "The body is not valid JSON for this endpoint";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String expected = e instanceof InvalidFormatException format
                    ? "has the wrong type (expected " + format.getTargetType().getSimpleName().toLowerCase() + ")"
                    : "has the wrong type or shape";
            return problemJson(Problem.invalid(detail, Map.of(field, expected)));
        }
        return problemJson(Problem.invalid(detail, Map.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, SimpleResourceInfo resource, UriInfo uri) {
        if (e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        return answer(resource, uri, Problem.of(status, "http-" + status, title, detail));
    }

    /** A body that could not be read: cut off, or not what its Content-Type says (a broken multipart upload). */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, SimpleResourceInfo resource, UriInfo uri) {
        return answer(resource, uri, unreadableBody());
    }

    static Problem unreadableBody() {
        return Problem.invalid("The request body could not be read; send it complete and in the format its"
                + " Content-Type names", Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, SimpleResourceInfo resource, UriInfo uri) {
        if (isInvalidValue(e)) {
            // PostgreSQL refused a value taken from the request (a NUL character, say): the client's mistake.
            LOG.warnf("A value of a request to %s was refused by the database: %s", uri.getPath(), rootMessage(e));
            return answer(resource, uri, Problem.invalid("A value in the request cannot be stored or searched for"
                    + " (for example, text containing a NUL character)", Map.of()));
        }
        LOG.error("Unexpected failure while serving a request", e);
        return answer(resource, uri, Problem.of(500, "internal-error", "Internal error",
                "The server could not answer this request; the failure has been logged"));
    }

    /** SQLState class 22, "data exception": invalid text, numbers out of range, malformed values. */
    private static boolean isInvalidValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * {@link DeskCsrf} refuses a form post with a bare 400 (a token missing, or of another sign-in); the desk
     * explains it instead of showing an empty page, and the API answers problem+json as it always does.
     */
    @ServerResponseFilter
    public void explainRefusedForm(ContainerRequestContext request, ContainerResponseContext response,
            SimpleResourceInfo resource) {
        if (response.getStatus() < 400 || response.hasEntity()) {
            return;
        }
        if (isApi(resource, request.getUriInfo().getPath())) {
            String title = response.getStatusInfo().getReasonPhrase();
            response.setEntity(Problem.of(response.getStatus(), "http-" + response.getStatus(), title, title), null,
                    MediaType.valueOf(Problem.MEDIA_TYPE));
        } else if (response.getStatus() == 400) {
            response.setEntity(Templates.page(Problem.of(400, "form-expired", "The form could not be accepted",
                    "The page's security token was missing or belongs to an earlier sign-in. Go back, reload the page"
                            + " and submit again;"
                            + " copy your text first if you typed a lot."))
                    .render(),
                    null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
