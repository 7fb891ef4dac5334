package health.cms.core.url;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for every URL a person or client gives us (an author's website and avatar, a
 * reference, a webhook target): http or https only, so a {@code javascript:} or {@code data:} link
 * can never reach a page. Escaping what the URL contains is the renderer's job, not this rule's.
 */
public final class HttpUrls {

    /** What a refused URL is told, for the field's error. */
    public static final String PROBLEM = "must be an http or https URL";

    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");

    private HttpUrls() {
    }

    /** Why this non-blank value is not an acceptable URL, or empty when it is; blank means "none given". */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank() || HTTP_URL.matcher(url.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(PROBLEM);
    }
}
