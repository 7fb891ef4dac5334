package health.cms.delivery.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Consumer;

import health.cms.core.refusal.Refusal;
import health.cms.delivery.store.Cursor;

/**
 * Parses the query parameters that arrive as text (times, cursors; whole numbers through core's
 * {@link health.cms.core.refusal.WholeNumber}), so that a bad one is a 400 refusal naming it rather than a 404
 * or a failure deep in a query. Every resource parses them here.
 */
public final class Parameters {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private Parameters() {
    }

    /** An ISO-8601 UTC time that PostgreSQL can compare; absent is null. */
    public static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value);
            // Instant reaches a billion years; PostgreSQL and java.sql.Timestamp do not.
            if (!instant.isBefore(EARLIEST) && instant.isBefore(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw Refusal.invalid(parameter, "must be an ISO-8601 UTC time such as 2026-01-31T00:00:00Z");
    }

    /**
     * Decodes a cursor and checks that it holds what this endpoint's cursors hold ({@code read}, e.g.
     * {@link Cursor#rank}), so that a cursor forged or taken from another endpoint is refused here.
     */
    public static Optional<Cursor> cursor(String value, Consumer<Cursor> read) {
        Optional<Cursor> cursor = Cursor.decode(value);
        cursor.ifPresent(read);
        return cursor;
    }
}
