package health.cms.delivery.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.util.AsciiString;
import io.vertx.core.buffer.Buffer;

/**
 * A rendered response body with its strong ETag, the CDN surrogate keys that name its content and, for a page
 * of a list, the address of the next page (null otherwise). {@code ready} is the same bytes as a Vert.x buffer
 * (shared, not copied), and {@code wire} its header values, encoded once, so a cache hit is written without
 * converting or joining anything. An article's answer knows its {@code locales} (its {@code Content-Language} and
 * the slugs of its other languages); other answers have none.
 */
public record CachedResponse(byte[] body, Buffer ready, String contentType, String etag, List<String> surrogateKeys,
        String next, ArticleLocales locales, Wire wire) {

    public static CachedResponse of(byte[] body, String contentType, List<String> surrogateKeys) {
        List<String> keys = List.copyOf(surrogateKeys);
        String etag = "\"" + hash(body) + "\"";
        return new CachedResponse(body, Buffer.buffer(Unpooled.wrappedBuffer(body)), contentType, etag, keys, null,
                null, new Wire(encoded(etag), encoded(String.join(" ", keys)), encoded(contentType), null, null));
    }

    /** The same answer with a {@code Link: <next>; rel="next"} header; null keeps it without one. */
    public CachedResponse withNext(String nextPage) {
        CharSequence link = nextPage == null ? null : encoded("<" + nextPage + ">; rel=\"next\"");
        return new CachedResponse(body, ready, contentType, etag, surrogateKeys, nextPage, locales,
                new Wire(wire.etag, wire.surrogateKey, wire.contentType, link, wire.contentLanguage));
    }

    /** The same answer as an article in these languages (sent with {@code Content-Language}). */
    public CachedResponse withLocales(ArticleLocales articleLocales) {
        CharSequence language = articleLocales == null || articleLocales.locale() == null
                ? null
                : encoded(articleLocales.locale());
        return new CachedResponse(body, ready, contentType, etag, surrogateKeys, next, articleLocales,
                new Wire(wire.etag, wire.surrogateKey, wire.contentType, wire.link, language));
    }

    /**
     * The header values of this answer as they go on the wire: {@code ETag}, {@code Surrogate-Key} (the keys joined),
     * {@code Content-Type}, {@code Link} and {@code Content-Language} (null when the answer has none).
     */
    public record Wire(CharSequence etag, CharSequence surrogateKey, CharSequence contentType, CharSequence link,
            CharSequence contentLanguage) {
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

    /** Pre-encoded bytes for a plain ASCII value (slugs, tags, hex, URLs); anything else stays text, as before. */
    private static CharSequence encoded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7e || value.charAt(i) < 0x20) {
                return value;
            }
        }
        return new AsciiString(value);
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
