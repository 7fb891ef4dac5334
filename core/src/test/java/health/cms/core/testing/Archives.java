package health.cms.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import health.cms.core.backup.ArchiveSignature;
import health.cms.core.backup.BackupKey;

/**
 * Edits backup archives the way a careless tool or a forger would, for tests of what a restore refuses.
 * An edit keeps the archive's old signature unless the test re-signs it with {@link #resigned}, as
 * someone holding the backup key would.
 */
public final class Archives {

    /** The backup key the tests export with, as {@code CMS_BACKUP_KEY} would hold it. */
    public static final String KEY_BASE64 = "dGVzdC1iYWNrdXAta2V5LW9mLXRoaXJ0eS10d28tYnl0ZXMhIQ==";
    public static final BackupKey KEY = BackupKey.of(KEY_BASE64);

    private Archives() {
    }

    /** Copies {@code archive} with one entry's text changed; the manifest still has the old checksum. */
    public static Path withChangedEntry(Path archive, String entry, UnaryOperator<String> change) {
        Map<String, byte[]> entries = read(archive);
        entries.put(entry, bytes(change.apply(text(require(entries, entry)))));
        return write(archive, entries);
    }

    /** Copies {@code archive} with one binary entry (a media blob) changed; the manifest is left as it was. */
    public static Path withChangedBytes(Path archive, String entry, UnaryOperator<byte[]> change) {
        Map<String, byte[]> entries = read(archive);
        entries.put(entry, change.apply(require(entries, entry).clone()));
        return write(archive, entries);
    }

    /**
     * Copies {@code archive} with one entry's text changed and the manifest's checksum updated to match,
     * as someone would who meant to pass the checksum test.
     */
    public static Path forged(Path archive, String entry, UnaryOperator<String> change) {
        Map<String, byte[]> entries = read(archive);
        String before = text(require(entries, entry));
        String after = change.apply(before);
        entries.put(entry, bytes(after));
        entries.put("manifest.json", bytes(text(entries.get("manifest.json")).replace(sha256(before), sha256(after))));
        return write(archive, entries);
    }

    /** Copies {@code archive} with one more entry, which no signature covers. */
    public static Path withAddedEntry(Path archive, String entry, String text) {
        Map<String, byte[]> entries = read(archive);
        entries.put(entry, bytes(text));
        return write(archive, entries);
    }

    /** Copies {@code archive} with its manifest changed (which no checksum covers). */
    public static Path withManifest(Path archive, UnaryOperator<String> change) {
        Map<String, byte[]> entries = read(archive);
        entries.put("manifest.json", bytes(change.apply(text(entries.get("manifest.json")))));
        return write(archive, entries);
    }

    /** Copies {@code archive} signed anew with {@link #KEY}, as someone holding the key would sign an edit. */
    public static Path resigned(Path archive) {
        Map<String, byte[]> entries = read(archive);
        entries.remove(ArchiveSignature.ENTRY);
        Map<String, String> signatures = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> signatures.put(name, KEY.sign(bytes)));
        entries.put(ArchiveSignature.ENTRY, ArchiveSignature.of(KEY, signatures).toJson());
        return write(archive, entries);
    }

    /** Copies {@code archive} without its signature. */
    public static Path unsigned(Path archive) {
        Map<String, byte[]> entries = read(archive);
        entries.remove(ArchiveSignature.ENTRY);
        return write(archive, entries);
    }

    public static String entry(Path archive, String entry) {
        return text(require(read(archive), entry));
    }

    /** The exact bytes of one entry, e.g. a media blob. */
    public static byte[] bytes(Path archive, String entry) {
        return require(read(archive), entry);
    }

    /** The names of the archive's entries, in archive order. */
    public static Set<String> entries(Path archive) {
        return read(archive).keySet();
    }

    private static byte[] require(Map<String, byte[]> entries, String entry) {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new IllegalArgumentException("No entry " + entry + " in " + entries.keySet());
        }
        return bytes;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> read(Path archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Path write(Path original, Map<String, byte[]> entries) {
        try {
            Path copy = Files.createTempFile(original.getParent(), "changed-", ".zip");
            try (OutputStream out = Files.newOutputStream(copy); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
