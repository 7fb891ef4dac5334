package health.cms.delivery.store;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import health.cms.core.refusal.Refusal;

/**
 * An opaque keyset position: the sort value and id of the last item of a page. Clients pass it back
 * unchanged; anything that does not decode is refused as an invalid {@code cursor} parameter.
 */
public record Cursor(String sortValue, long id) {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    /** A list position: the update time of the last item, held as microseconds since the epoch. */
    public Instant updatedAt() {
        try {
            Instant at = Instant.EPOCH.plus(Long.parseLong(sortValue), ChronoUnit.MICROS);
            // Every real position is a time this CMS stored; far outside that, PostgreSQL cannot compare it.
            if (at.isAfter(EARLIEST) && at.isBefore(LATEST)) {
                return at;
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            // refused below
        }
        throw invalid();
    }

    /** A search position: the rank of the last item. */
    public float rank() {
        try {
            float rank = Float.parseFloat(sortValue);
            if (Float.isFinite(rank)) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1|" + sortValue + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].matches("-?[0-9.eE-]{1,40}")) {
                throw invalid();
            }
            return Optional.of(new Cursor(parts[1], Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The cursor was not one this API handed out. */
    private static Refusal.Invalid invalid() {
        return Refusal.invalid("cursor", "cursor is not a value returned by this API");
    }
}
