package health.cms.core.preview;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a share link carries: which link (so it can be revoked), which article, and until when, signed with
 * HMAC-SHA256 under the preview link key that admin-ui (which issues links) and the api (which honours them)
 * share. The api needs no database to reject a forged or expired token, only to see whether it was revoked.
 */
public record ShareToken(long linkId, long articleId, Instant expiresAt) {

    /** The longest text that can be a token; longer is refused before any work. */
    public static final int MAX_LENGTH = 200;
    /** The shortest key accepted: a shorter one could be guessed from links. */
    public static final int MIN_KEY_LENGTH = 32;

    private static final String VERSION = "v1";

    /** The token for this link under {@code key}: {@code payload.signature}, both URL-safe base64. */
    public String sign(String key) {
        String payload = VERSION + "." + linkId + "." + articleId + "." + expiresAt.getEpochSecond();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(payload.getBytes(StandardCharsets.US_ASCII)) + "."
                + base64.encodeToString(mac(key, payload));
    }

    /** The token's content when {@code key} signed it, whether or not it has expired; empty for anything else. */
    public static Optional<ShareToken> verify(String token, String key) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            String payload = new String(base64.decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(mac(key, payload), base64.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\.");
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            return Optional.of(new ShareToken(Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    Instant.ofEpochSecond(Long.parseLong(parts[3]))));
        } catch (IllegalArgumentException e) {
            // not base64, or not numbers: nobody with the key wrote it
            return Optional.empty();
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    private static byte[] mac(String key, String payload) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("The preview link key (CMS_PREVIEW_LINK_KEY) must have at least "
                    + MIN_KEY_LENGTH + " characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
