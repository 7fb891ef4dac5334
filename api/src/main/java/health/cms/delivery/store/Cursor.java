package health.cms.delivery.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * An opaque keyset position: the sort value and id of the last item of a page. Clients pass it back
 * unchanged; anything that does not decode is refused as a bad parameter.
 */
public record Cursor(String sortValue, long id) {

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
                throw new InvalidCursorException();
            }
            return Optional.of(new Cursor(parts[1], Long.parseLong(parts[2])));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    /** The cursor was not one this API handed out. */
    public static class InvalidCursorException extends RuntimeException {

        public InvalidCursorException() {
            super("cursor is not a value returned by this API");
        }
    }
}
