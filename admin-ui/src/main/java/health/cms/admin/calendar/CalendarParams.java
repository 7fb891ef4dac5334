package health.cms.admin.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import health.cms.admin.web.Forms;
import health.cms.core.refusal.Refusal;

/** Reads the calendar's parameters at the edge, for its page and its API alike: ISO days and a category slug. */
final class CalendarParams {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG = 100;
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2999;

    private CalendarParams() {
    }

    /** A day such as {@code 2026-12-01}; blank gives {@code absent}. */
    static LocalDate day(String field, String value, LocalDate absent) {
        String given = Forms.blankToNull(value);
        if (given == null) {
            return absent;
        }
        LocalDate day;
        try {
            // ISO days are 10 characters; anything longer is refused before parsing
            day = given.length() > 10 ? null : LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            day = null;
        }
        // a plan or a review date lies within these years; the database need not meet year 0 or 10000
        if (day == null || day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            throw Refusal.invalid(field, "must be a day like 2026-12-01, in the years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return day;
    }

    static LocalDate requiredDay(String field, String value) {
        LocalDate day = day(field, value, null);
        if (day == null) {
            throw Refusal.invalid(field, "is required (a day like 2026-12-01)");
        }
        return day;
    }

    /** A category slug, or null for every category. */
    static String category(String value) {
        String given = Forms.blankToNull(value);
        if (given != null && (given.length() > MAX_SLUG || !SLUG.matcher(given).matches())) {
            throw Refusal.invalid("category", "must be a category slug such as treatments-therapies");
        }
        return given;
    }
}
