package health.cms.core.refusal;

import java.util.Map;

/**
 * A request the system refuses, with the reason a person can act on: the one error vocabulary of
 * every module. Each app has one mapper that turns it into problem+json for its APIs and a message
 * on the form for the desk; see {@code Problem.of(Refusal)}.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.Forbidden, Refusal.Conflict, Refusal.Stale, Refusal.Invalid {

    private Refusal(String message) {
        super(message);
    }

    /** The fields at fault and what is wrong with each; empty unless the request was {@link Invalid}. */
    public Map<String, String> fieldErrors() {
        return Map.of();
    }

    /** The thing asked for does not exist (or the caller may not know it exists). */
    public static final class NotFound extends Refusal {

        NotFound(String message) {
            super(message);
        }
    }

    /** The caller's roles or relation to the content do not allow this. */
    public static final class Forbidden extends Refusal {

        Forbidden(String message) {
            super(message);
        }
    }

    /** Not possible in the current state of the thing (a draft cannot be unpublished, say). */
    public static final class Conflict extends Refusal {

        Conflict(String message) {
            super(message);
        }
    }

    /** The caller's copy is older than the stored one: a precondition (version) failed. */
    public static final class Stale extends Refusal {

        Stale(String message) {
            super(message);
        }
    }

    /** One or more fields of the request are invalid. */
    public static final class Invalid extends Refusal {

        private final Map<String, String> fieldErrors;

        Invalid(String message, Map<String, String> fieldErrors) {
            super(message);
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        @Override
        public Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }

    public static NotFound notFound(String what) {
        return new NotFound(what + " was not found");
    }

    public static Forbidden forbidden(String why) {
        return new Forbidden(why);
    }

    public static Conflict conflict(String why) {
        return new Conflict(why);
    }

    public static Stale stale(String why) {
        return new Stale(why);
    }

    public static Invalid invalid(Map<String, String> fieldErrors) {
        return new Invalid("The request has invalid fields", fieldErrors);
    }

    public static Invalid invalid(String field, String problem) {
        return invalid(Map.of(field, problem));
    }

    /** The one version check: refuses a change made against {@code expected} when the record is now at {@code current}. */
    public static void requireVersion(String what, long current, long expected) {
        if (current != expected) {
            throw stale("This " + what + " was changed since you loaded it (now version " + current
                    + "); reload it and apply your changes again");
        }
    }
}
