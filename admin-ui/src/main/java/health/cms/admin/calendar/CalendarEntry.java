package health.cms.admin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One thing on the editorial calendar: a planned publication or unpublication (with the job that will run it,
 * so an editor can move it) or the re-review date of a live article. Days are UTC days, as everywhere on the desk.
 */
public record CalendarEntry(Kind kind, Instant at, LocalDate day, long articleId, long articleVersion, String slug,
        String title, String category, String categoryName, Long jobId) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** What the date means; stored nowhere, answered by its value. */
    public enum Kind {

        PUBLICATION("publication", "Publication"), UNPUBLICATION("unpublication", "Unpublication"), REVIEW_DUE("review-due",
                "Re-review due");

        private final String value;
        private final String label;

        Kind(String value, String label) {
            this.value = value;
            this.label = label;
        }

        @JsonValue
        public String value() {
            return value;
        }

        public String label() {
            return label;
        }
    }

    static CalendarEntry of(Kind kind, Instant at, long articleId, long articleVersion, String slug, String title,
            String category, String categoryName, Long jobId) {
        return new CalendarEntry(kind, at, at.atOffset(ZoneOffset.UTC).toLocalDate(), articleId, articleVersion, slug,
                title, category, categoryName, jobId);
    }

    /** A planned change can be moved to another day; a re-review date follows from the last review. */
    public boolean isMovable() {
        return jobId != null;
    }

    /** The time of day, UTC, as the calendar shows it. */
    public String time() {
        return TIME.format(at);
    }
}
