package health.cms.core.slug;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Rules for URL slugs: lowercase ASCII words joined by single hyphens. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 200;
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Slugs() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    public static String requireValid(String slug) {
        if (!isValid(slug)) {
            throw new IllegalArgumentException(
                    "Slug '" + slug + "' must be lowercase letters, digits and single hyphens (at most " + MAX_LENGTH + ")");
        }
        return slug;
    }

    /** Derives a slug from a title, e.g. "Immunotherapy: treatment &amp; risks" to "immunotherapy-treatment-risks". */
    public static String fromTitle(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-$", "") : slug;
    }
}
