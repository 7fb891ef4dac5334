package health.cms.core.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A new API key and how it is stored: {@code cms_} and 43 URL-safe characters (256 random bits), kept only as
 * its SHA-256, so the desk can show it once and the api can check it without knowing it.
 */
public record ApiKeySecret(String key, String prefix, String hash) {

    /** Every key starts with this, so secret scanners and people can recognise one. */
    public static final String MARK = "cms_";
    /** How much of a key is kept in the clear to tell keys apart: the mark and eight random characters. */
    static final int PREFIX_LENGTH = MARK.length() + 8;
    /** The longest text that can be a key; anything longer is refused before it is hashed. */
    public static final int MAX_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh random key. */
    public static ApiKeySecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String key = MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ApiKeySecret(key, key.substring(0, PREFIX_LENGTH), hash(key));
    }

    /** The stored form of a key as a client sent it: lower-case hex SHA-256 of its UTF-8 bytes. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Never in a log line by accident.
        return "ApiKeySecret[" + prefix + "...]";
    }
}
