package health.cms.delivery.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A rendered response body with its strong ETag, the CDN surrogate keys that name its content and, for a page
 * of a list, the address of the next page (null otherwise).
 */
public record CachedResponse(byte[] body, String contentType, String etag, List<String> surrogateKeys, String next) {

    public static CachedResponse of(byte[] body, String contentType, List<String> surrogateKeys) {
        return new CachedResponse(body, contentType, "\"" + hash(body) + "\"", List.copyOf(surrogateKeys), null);
    }

    /** The same answer with a {@code Link: <next>; rel="next"} header; null keeps it without one. */
    public CachedResponse withNext(String nextPage) {
        return new CachedResponse(body, contentType, etag, surrogateKeys, nextPage);
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
