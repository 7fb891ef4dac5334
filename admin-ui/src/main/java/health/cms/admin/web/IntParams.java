package health.cms.admin.web;

import health.cms.core.refusal.Refusal;

/**
 * The one parser of whole-number query parameters (limit, offset, page): a value that is not a number
 * in range is refused as invalid, naming the parameter, where the framework's own conversion would
 * answer 404 as if the resource did not exist.
 */
public final class IntParams {

    private IntParams() {
    }

    /** The parameter's value, {@code fallback} when absent or blank. */
    public static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw Refusal.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
