package health.cms.delivery.problem;

import java.util.Optional;
import java.util.function.Consumer;

import health.cms.delivery.store.Cursor;

/** A query parameter that is well-formed for HTTP but wrong for this API; answered with 400 naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    /** Parses a whole-number parameter, so "abc" is a 400 naming the parameter rather than a 404. */
    public static int number(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw new BadParameterException(parameter, "must be a whole number from " + min + " to " + max);
    }

    /**
     * Decodes a cursor and checks that it holds what this endpoint's cursors hold ({@code read}, e.g.
     * {@link Cursor#rank}), so that a cursor forged or taken from another endpoint is a 400 here rather
     * than a failure deep in the query.
     */
    public static Optional<Cursor> cursor(String value, Consumer<Cursor> read) {
        try {
            Optional<Cursor> cursor = Cursor.decode(value);
            cursor.ifPresent(read);
            return cursor;
        } catch (Cursor.InvalidCursorException e) {
            throw new BadParameterException("cursor", e.getMessage());
        }
    }
}
