package health.cms.core.refusal;

/**
 * The one parser of whole-number query parameters (limit, offset, page) in both apps: a value that is not a
 * number in range is refused as invalid, naming the parameter, where the framework's own conversion would
 * answer 404 as if the resource did not exist.
 */
public final class WholeNumber {

    private WholeNumber() {
    }

    /** The parameter's value, from {@code min} to {@code max}; {@code fallback} when absent or blank. */
    public static int parse(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message as an out-of-range number
        }
        throw Refusal.invalid(parameter, "must be a whole number from " + min + " to " + max);
    }
}
