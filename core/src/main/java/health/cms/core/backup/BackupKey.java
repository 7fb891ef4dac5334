package health.cms.core.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret that signs backup archives (HMAC-SHA256), held outside them: only someone holding it can
 * write an archive that a restore accepts, however well they recompute the archive's checksums.
 */
public final class BackupKey {

    /** The environment variable holding the key, base64. */
    public static final String ENV = "CMS_BACKUP_KEY";
    /** The system property that may hold it instead (for example {@code -Dcms.backup.key=...}). */
    public static final String PROPERTY = "cms.backup.key";
    public static final String ALGORITHM = "HmacSHA256";
    /** 256 bits, the size of the hash: a shorter key would be the weakest part of the signature. */
    private static final int MIN_BYTES = 32;

    private final byte[] secret;

    private BackupKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** A key given as base64 (what {@code openssl rand -base64 32} prints); refuses one too short to be safe. */
    public static BackupKey of(String base64) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new BackupException("The backup key (" + ENV + ") is not base64; create one with `openssl rand -base64 "
                    + MIN_BYTES + "`");
        }
        if (secret.length < MIN_BYTES) {
            throw new BackupException("The backup key (" + ENV + ") has " + secret.length + " bytes; it needs at least "
                    + MIN_BYTES + " random bytes (`openssl rand -base64 " + MIN_BYTES + "`)");
        }
        return new BackupKey(secret);
    }

    /** A new random key. */
    public static BackupKey generate() {
        byte[] secret = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        return new BackupKey(secret);
    }

    /**
     * The key kept in {@code file}, created with a new random key readable by its owner only when the
     * file does not exist yet (the local stack keeps its key this way, next to its data).
     */
    public static BackupKey readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                try {
                    return of(Files.readString(file, StandardCharsets.US_ASCII));
                } catch (BackupException e) {
                    throw new BackupException("The backup key file " + file + " is damaged: " + e.getMessage(), e);
                }
            }
            BackupKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "backup-key", ".part",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, Base64.getEncoder().encodeToString(key.secret) + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file);
            return key;
        } catch (IOException e) {
            throw new BackupException("Cannot read or create the backup key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A new HMAC-SHA256 keyed with this key. */
    public Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }

    /** The HMAC of these bytes, hex. */
    public String sign(byte[] bytes) {
        return HexFormat.of().formatHex(mac().doFinal(bytes));
    }

    /**
     * Names the key without revealing it, so a refusal can say that an archive was signed with another
     * key rather than changed.
     */
    public String fingerprint() {
        return sign("health.cms.backup key fingerprint".getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
    }

    @Override
    public String toString() {
        return "BackupKey[" + fingerprint() + "]";
    }
}
