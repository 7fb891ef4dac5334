package health.cms.delivery.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * A rendered response body with its strong ETag, the CDN surrogate keys that name its content and, for a page
 * of a list, the address of the next page (null otherwise). {@code ready} is the same bytes as a Vert.x buffer
 * (shared, not copied), so a cache hit is written without converting anything. An article's answer knows its
 * {@code locales} (its {@code Content-Language} and the slugs of its other languages); other answers have none.
 */
public record CachedResponse(byte[] body, Buffer ready, String contentType, String etag, List<String> surrogateKeys,
        String next, ArticleLocales locales) {

    public static CachedResponse of(byte[] body, String contentType, List<String> surrogateKeys) {
        return new CachedResponse(body, Buffer.buffer(Unpooled.wrappedBuffer(body)), contentType,
                "\"" + hash(body) + "\"", List.copyOf(surrogateKeys), null, null);
    }

    /** The same answer with a {@code Link: <next>; rel="next"} header; null keeps it without one. */
    public CachedResponse withNext(String nextPage) {
        return new CachedResponse(body, ready, contentType, etag, surrogateKeys, nextPage, locales);
    }

    /** The same answer as an article in these languages (sent with {@code Content-Language}). */
    public CachedResponse withLocales(ArticleLocales articleLocales) {
        return new CachedResponse(body, ready, contentType, etag, surrogateKeys, next, articleLocales);
    }

    /** True when an {@code If-None-Match} header names this body (or any, with {@code *}). */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
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
