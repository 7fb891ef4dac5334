package health.cms.delivery.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.apikey.ApiKeyScope;
import health.cms.core.apikey.ApiKeySecret;
import io.vertx.core.MultiMap;

/**
 * Decides what the API key of a request allows, on the event loop: a key is read from {@code X-Api-Key} or
 * {@code Authorization: Bearer}, hashed and looked up in {@link KnownKeys}; nothing here touches the database.
 * The preview API needs a preview key; the rest of the API needs a key only when {@code cms.api-keys.required}.
 */
@ApplicationScoped
public class KeyGate {

    /** Where the preview API lives; nothing under it is served without a preview key. */
    public static final String PREVIEW_PATH = "/api/v1/preview/";
    /** Content paths that {@code cms.api-keys.required} closes to callers without a key (not health or the OpenAPI). */
    static final String[] CONTENT_PATHS = {"/api/", "/graphql"};

    private static final String BEARER = "bearer ";

    /** What a request may do, by the key it sent. */
    public enum Verdict {
        /** No key, and none needed here. */
        ANONYMOUS,
        /** A working key that covers this path. */
        KEYED,
        /** A key that is not (or no longer) one of ours: 401. */
        UNKNOWN_KEY,
        /** No key where one is needed: 401. */
        KEY_REQUIRED,
        /** No preview key on the preview API: 401 without a key, 403 with a delivery key. */
        PREVIEW_KEY_REQUIRED, PREVIEW_SCOPE_MISSING
    }

    /** The verdict and, when keyed, the key. */
    public record Decision(Verdict verdict, KnownKeys.Key key) {

        static final Decision ANONYMOUS = new Decision(Verdict.ANONYMOUS, null);
        static final Decision UNKNOWN_KEY = new Decision(Verdict.UNKNOWN_KEY, null);
        static final Decision KEY_REQUIRED = new Decision(Verdict.KEY_REQUIRED, null);
        static final Decision PREVIEW_KEY_REQUIRED = new Decision(Verdict.PREVIEW_KEY_REQUIRED, null);
    }

    private final KnownKeys keys;
    private final KeyUsage usage;
    private final boolean required;

    KeyGate(KnownKeys keys, KeyUsage usage, ApiKeyConfig config) {
        this.keys = keys;
        this.usage = usage;
        this.required = config.required();
    }

    /**
     * The decision for a request to {@code path} with these headers and query string; a working key's use is
     * counted. A preview request without a key may carry a share link's {@code token} instead, which the preview
     * API checks (its signature, expiry, article and revocation) before it answers.
     */
    public Decision decide(String path, MultiMap headers, String query) {
        if (!isContent(path)) {
            // Health checks and the OpenAPI document answer whatever a caller sends, so probes never break on a key.
            return Decision.ANONYMOUS;
        }
        String presented = presented(headers);
        boolean preview = path.startsWith(PREVIEW_PATH);
        if (presented == null) {
            if (preview) {
                return hasToken(query) ? Decision.ANONYMOUS : Decision.PREVIEW_KEY_REQUIRED;
            }
            return required ? Decision.KEY_REQUIRED : Decision.ANONYMOUS;
        }
        KnownKeys.Key key = presented.length() > ApiKeySecret.MAX_LENGTH ? null : keys.find(ApiKeySecret.hash(presented));
        if (key == null) {
            return Decision.UNKNOWN_KEY;
        }
        usage.count(key.id());
        if (preview && !key.scope().covers(ApiKeyScope.PREVIEW)) {
            return new Decision(Verdict.PREVIEW_SCOPE_MISSING, key);
        }
        return new Decision(Verdict.KEYED, key);
    }

    /**
     * True when these request headers carry a working preview key: the preview API asks again itself, so a path
     * spelled in a way the edge did not recognise as a preview path still gets nothing without one.
     */
    public boolean hasPreviewKey(String apiKeyHeader, String authorizationHeader) {
        String presented = presented(apiKeyHeader, authorizationHeader);
        KnownKeys.Key key = presented == null || presented.length() > ApiKeySecret.MAX_LENGTH
                ? null
                : keys.find(ApiKeySecret.hash(presented));
        return key != null && key.scope().covers(ApiKeyScope.PREVIEW);
    }

    /** The key a request sent, or null: {@code X-Api-Key} wins over a bearer token, blank counts as none. */
    static String presented(MultiMap headers) {
        return presented(headers.get("X-Api-Key"), headers.get("Authorization"));
    }

    private static String presented(String apiKeyHeader, String authorization) {
        String key = apiKeyHeader;
        if (key == null || key.isBlank()) {
            if (authorization == null || authorization.length() <= BEARER.length()
                    || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            key = authorization.substring(BEARER.length());
        }
        key = key.strip();
        return key.isEmpty() ? null : key;
    }

    private static boolean hasToken(String query) {
        return query != null && (query.startsWith("token=") || query.contains("&token="));
    }

    private static boolean isContent(String path) {
        for (String prefix : CONTENT_PATHS) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
