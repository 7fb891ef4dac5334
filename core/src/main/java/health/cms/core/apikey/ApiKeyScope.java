package health.cms.core.apikey;

import java.util.Arrays;

/** What an API key opens: the delivery API at a higher rate limit, or that plus the preview API's working revisions. */
public enum ApiKeyScope {

    DELIVERY("delivery"), PREVIEW("preview");

    private final String value;

    ApiKeyScope(String value) {
        this.value = value;
    }

    /** The value stored in {@code api_key.scope} and written in JSON. */
    public String value() {
        return value;
    }

    /** True when a key of this scope may read what {@code needed} guards (a preview key also reads published content). */
    public boolean covers(ApiKeyScope needed) {
        return this == PREVIEW || needed == DELIVERY;
    }

    public static ApiKeyScope fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown API key scope '" + value + "' (expected delivery or preview)"));
    }
}
