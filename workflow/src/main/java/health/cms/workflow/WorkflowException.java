package health.cms.workflow;

import java.util.Map;

/**
 * A refused workflow request, with the reason a person can act on. The HTTP layers map the kind to a
 * status code and the field errors to a problem+json body or to messages beside form fields.
 */
public class WorkflowException extends RuntimeException {

    /** Why the request was refused. */
    public enum Kind {
        NOT_FOUND, FORBIDDEN, CONFLICT, STALE, INVALID
    }

    private final Kind kind;
    private final Map<String, String> fieldErrors;

    public WorkflowException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public WorkflowException(Kind kind, String message, Map<String, String> fieldErrors) {
        super(message);
        this.kind = kind;
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public static WorkflowException notFound(String what) {
        return new WorkflowException(Kind.NOT_FOUND, what + " was not found");
    }

    public static WorkflowException forbidden(String why) {
        return new WorkflowException(Kind.FORBIDDEN, why);
    }

    public static WorkflowException conflict(String why) {
        return new WorkflowException(Kind.CONFLICT, why);
    }

    public static WorkflowException invalid(Map<String, String> fieldErrors) {
        return new WorkflowException(Kind.INVALID, "The request has invalid fields", fieldErrors);
    }
}
