package health.cms.core.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.crypto.Mac;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * An archive's signature ({@code signature.json}): the HMAC-SHA256 of every other entry's bytes under
 * the {@link BackupKey}, and the key's fingerprint. The key never travels with the archive, so whoever
 * edits an entry and recomputes its checksum still cannot make the signature match.
 */
public record ArchiveSignature(String algorithm, String key, Map<String, String> entries) {

    public static final String ENTRY = "signature.json";

    public ArchiveSignature {
        entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** The signature of entries whose HMACs (hex, by entry name) were computed with {@code key}. */
    public static ArchiveSignature of(BackupKey key, Map<String, String> entries) {
        return new ArchiveSignature(BackupKey.ALGORITHM, key.fingerprint(), entries);
    }

    public byte[] toJson() {
        try {
            return Manifest.JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A signature is plain strings", e);
        }
    }

    /**
     * Checks that {@code zip} carries a signature by {@code key} of exactly its entries, before anything
     * else is read from it; the exception names what failed.
     */
    static void verify(Path file, ZipFile zip, BackupKey key) {
        ArchiveSignature signature = read(file, zip);
        if (!BackupKey.ALGORITHM.equals(signature.algorithm())) {
            throw refused(file, "it is signed with " + signature.algorithm() + ", this version only accepts "
                    + BackupKey.ALGORITHM);
        }
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Map<String, String> unseen = new TreeMap<>(signature.entries());
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            if (entry.getName().equals(ENTRY)) {
                continue;
            }
            String expected = unseen.remove(entry.getName());
            if (expected == null) {
                added.add(entry.getName());
            } else if (!MessageDigest.isEqual(HexFormat.of().parseHex(expected), hmac(file, zip, entry, key))) {
                changed.add(entry.getName());
            }
        }
        if (!changed.isEmpty() && !signature.key().equals(key.fingerprint())) {
            throw refused(file, "it was signed with another backup key (key " + signature.key() + "; the key given here is "
                    + key.fingerprint() + "). Restore it with the key of the installation that exported it");
        }
        if (!changed.isEmpty()) {
            throw refused(file, (changed.size() == 1 ? "entry " : "entries ") + String.join(", ", changed)
                    + (changed.size() == 1 ? " was" : " were") + " changed after the archive was signed");
        }
        if (!added.isEmpty()) {
            throw refused(file, "entry " + String.join(", ", added) + " is not signed (it was added after signing)");
        }
        if (!unseen.isEmpty()) {
            throw refused(file, "signed entry " + String.join(", ", unseen.keySet()) + " is missing (it was removed)");
        }
    }

    private static ArchiveSignature read(Path file, ZipFile zip) {
        ZipEntry entry = zip.getEntry(ENTRY);
        if (entry == null) {
            throw new BackupException(file + " is refused: the archive is not signed (it has no " + ENTRY + "). A restore "
                    + "only accepts archives signed with the backup key (" + BackupKey.ENV + ") by the export of this "
                    + "CMS version; nothing was restored from it.");
        }
        ArchiveSignature signature;
        try (InputStream in = zip.getInputStream(entry)) {
            signature = Manifest.JSON.readValue(in, ArchiveSignature.class);
        } catch (IOException e) {
            throw refused(file, "its " + ENTRY + " is not readable");
        }
        if (signature.algorithm() == null || signature.key() == null || signature.entries() == null) {
            throw refused(file, "its " + ENTRY + " lacks the algorithm, key or entries");
        }
        return signature;
    }

    private static byte[] hmac(Path file, ZipFile zip, ZipEntry entry, BackupKey key) {
        Mac mac = key.mac();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                mac.update(buffer, 0, read);
            }
        } catch (IOException e) {
            throw refused(file, "entry " + entry.getName() + " cannot be read (" + e.getMessage() + ")");
        }
        return mac.doFinal();
    }

    private static BackupException refused(Path file, String detail) {
        return new BackupException(file + " is refused: the signature does not match: " + detail
                + ". Nothing was restored from it.");
    }

    /** Bytes as the signature records them. */
    static String hex(Mac mac) {
        return HexFormat.of().formatHex(mac.doFinal());
    }
}
