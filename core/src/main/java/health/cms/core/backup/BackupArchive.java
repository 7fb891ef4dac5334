package health.cms.core.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import health.cms.core.media.BlobStore;

/**
 * A backup archive opened for restoring. Opening it checks that it is signed with the backup key and
 * unchanged since ({@link ArchiveSignature}), that it is one of ours, in a format this version reads,
 * that every table entry still has the row count and SHA-256 its manifest recorded, and that every media
 * blob still hashes to the SHA-256 it is addressed by, so a restore learns about a damaged or edited archive
 * before it writes anything.
 */
public final class BackupArchive implements AutoCloseable {

    private final Path file;
    private final ZipFile zip;
    private final Manifest manifest;

    private BackupArchive(Path file, ZipFile zip, Manifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** Opens and verifies an archive signed with {@code key}; the exception's message says what is wrong with it. */
    public static BackupArchive open(Path file, BackupKey key) {
        if (!Files.exists(file)) {
            throw new BackupException("There is no file " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + " is not a file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BackupException(file + " is not a CMS backup archive: it is not a zip file");
        } catch (IOException e) {
            throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            if (zip.getEntry(Manifest.ENTRY) == null) {
                throw new BackupException(file + " is not a CMS backup archive: it has no " + Manifest.ENTRY);
            }
            ArchiveSignature.verify(file, zip, key);
            BackupArchive archive = new BackupArchive(file, zip, readManifest(file, zip));
            archive.verifyEntries();
            return archive;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static Manifest readManifest(Path file, ZipFile zip) {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) {
            throw new BackupException(file + " is not a CMS backup archive: it has no " + Manifest.ENTRY);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = Manifest.JSON.readValue(in, Manifest.class);
        } catch (JsonProcessingException e) {
            throw new BackupException(file + " is not a CMS backup archive: its " + Manifest.ENTRY + " is not readable ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!Manifest.FORMAT.equals(manifest.format()) || manifest.tables() == null) {
            throw new BackupException(file + " is not a CMS backup archive (its manifest says format '"
                    + manifest.format() + "', expected '" + Manifest.FORMAT + "')");
        }
        for (Manifest.Table table : manifest.tables()) {
            if (table == null || table.name() == null || table.entry() == null || table.columns() == null) {
                throw new BackupException(file + " is not a CMS backup archive: its manifest lists a table without "
                        + "a name, entry or columns");
            }
        }
        for (Manifest.Blob blob : manifest.media()) {
            if (blob == null || !validBlob(blob)) {
                throw new BackupException(file + " is not a CMS backup archive: its manifest lists a media blob "
                        + "without a SHA-256, a blob name or its entry");
            }
        }
        if (manifest.formatVersion() > Manifest.FORMAT_VERSION) {
            throw new BackupException(file + " was written by a newer version of the CMS (archive format "
                    + manifest.formatVersion() + "; this version reads format " + Manifest.FORMAT_VERSION
                    + "): restore it with that newer version");
        }
        return manifest;
    }

    private static boolean validBlob(Manifest.Blob blob) {
        try {
            BlobStore.check(blob.sha256(), blob.name());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Manifest.Blob.entry(blob.sha256(), blob.name()).equals(blob.entry());
    }

    private void verifyEntries() {
        for (Manifest.Table table : manifest.tables()) {
            try (Rows rows = rows(table)) {
                while (rows.nextLine() != null) {
                    // reading to the end checks the count and the checksum
                }
            }
        }
        for (Manifest.Blob blob : manifest.media()) {
            blob(blob);
        }
    }

    /**
     * The bytes of one media blob, checked again against the SHA-256 that addresses them: a restore writes
     * to the media store only bytes that are exactly the image the rows name.
     */
    public byte[] blob(Manifest.Blob blob) {
        ZipEntry entry = zip.getEntry(blob.entry());
        if (entry == null) {
            throw damaged(blob.entry() + " is listed in the manifest but missing");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw damaged(blob.entry() + " cannot be read: " + e.getMessage());
        }
        String actual = HexFormat.of().formatHex(BackupExport.sha256().digest(bytes));
        if (!actual.equals(blob.sha256())) {
            throw damaged("the image " + blob.entry() + " does not match its SHA-256 (its bytes hash to " + actual + ")");
        }
        if (bytes.length != blob.bytes()) {
            throw damaged("the image " + blob.entry() + " holds " + bytes.length + " bytes, the manifest says "
                    + blob.bytes());
        }
        return bytes;
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    /**
     * The rows of one table in archive order. Reaching the end checks the entry's row count and
     * SHA-256 again, so a file changed between opening and restoring is noticed too.
     */
    public Rows rows(Manifest.Table table) {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
            throw damaged(table.entry() + " is listed in the manifest but missing");
        }
        try {
            MessageDigest sha256 = BackupExport.sha256();
            InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256);
            return new Rows(table, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sha256);
        } catch (IOException e) {
            throw damaged(table.entry() + " cannot be read: " + e.getMessage());
        }
    }

    private BackupException damaged(String detail) {
        return new BackupException(file + " is damaged: " + detail
                + ". The archive was changed or corrupted after it was written; nothing was restored from it.");
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    /** A cursor over one table's rows. */
    public final class Rows implements AutoCloseable {

        private final Manifest.Table table;
        private final BufferedReader lines;
        private final MessageDigest sha256;
        private long read;
        private boolean ended;

        private Rows(Manifest.Table table, BufferedReader lines, MessageDigest sha256) {
            this.table = table;
            this.lines = lines;
            this.sha256 = sha256;
        }

        /** The next row as a JSON object keyed by column name, or null after the last one. */
        public JsonNode next() {
            String line = nextLine();
            if (line == null) {
                return null;
            }
            try {
                JsonNode row = Manifest.JSON.readTree(line);
                if (!row.isObject()) {
                    throw damaged("row " + read + " of " + table.entry() + " is not a JSON object");
                }
                return row;
            } catch (JsonProcessingException e) {
                throw damaged("row " + read + " of " + table.entry() + " is not valid JSON");
            }
        }

        /** Rows read so far. */
        public long count() {
            return read;
        }

        private String nextLine() {
            if (ended) {
                return null;
            }
            try {
                String line = lines.readLine();
                if (line != null) {
                    read++;
                    return line;
                }
                ended = true;
                String actual = HexFormat.of().formatHex(sha256.digest());
                if (!actual.equals(table.sha256())) {
                    throw damaged(table.entry() + " does not match the SHA-256 in the manifest (expected "
                            + table.sha256() + ", found " + actual + ")");
                }
                if (read != table.rows()) {
                    throw damaged(table.entry() + " holds " + read + " rows, the manifest says " + table.rows());
                }
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("Reading " + table.entry() + " of " + file + " failed", e);
            }
        }

        @Override
        public void close() {
            try {
                lines.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }
}
