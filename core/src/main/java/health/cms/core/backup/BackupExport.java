package health.cms.core.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.crypto.Mac;

import com.fasterxml.jackson.core.JsonGenerator;

import health.cms.core.media.BlobStore;
import health.cms.core.media.CleanImage;
import health.cms.core.media.ImageFormat;

/**
 * Writes every content table into one portable archive: a zip of JSON Lines files (one per table, in
 * {@link BackupTables#ALL} order) and a {@link Manifest}. It reads one consistent snapshot, so the apps
 * can keep running while it works, and it needs nothing but JDBC: no pg_dump, no particular
 * PostgreSQL version. The original of every image in the media library is copied from the {@link BlobStore}
 * into the archive beside the rows; renditions are not, since they are made again from the originals. Every
 * entry is signed with the {@link BackupKey} ({@link ArchiveSignature}).
 */
public final class BackupExport {

    /** Rows between two progress reports on a large table. */
    private static final int REPORT_EVERY = 50_000;

    private final Progress progress;
    private final Clock clock;
    private final BackupKey key;
    private final BlobStore media;

    /** An export that copies the media library's originals from {@code media}, the store the apps use. */
    public BackupExport(Progress progress, Clock clock, BackupKey key, BlobStore media) {
        this.progress = progress;
        this.clock = clock;
        this.key = key;
        this.media = media;
    }

    /**
     * Writes the archive to {@code file}, which must not exist yet; a failed export leaves no file
     * behind. The connection is used for one read-only transaction, rolled back at the end.
     */
    public Manifest write(Connection source, Path file) {
        if (Files.exists(file)) {
            throw new BackupException(file + " already exists; choose another file name (a backup never overwrites a file)");
        }
        Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".part");
        boolean autoCommit = true;
        try {
            autoCommit = source.getAutoCommit();
            source.setAutoCommit(false);
            try (Statement statement = source.createStatement()) {
                // One snapshot for every table: rows written while the export runs are either all in it or not at all.
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            Manifest manifest;
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                manifest = write(source, zip);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (SQLException e) {
            throw new BackupException("Reading the database failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("Writing " + file + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
                source.rollback();
                source.setAutoCommit(autoCommit);
            } catch (SQLException | IOException ignored) {
                // the export's own error, if any, is the one worth reporting
            }
        }
    }

    private Manifest write(Connection source, ZipOutputStream zip) throws SQLException, IOException {
        String schemaVersion = Schema.version(source).orElseThrow(() -> new BackupException(
                "The database has no CMS schema (no Flyway history): nothing to back up"));
        checkTables(Schema.tables(source), schemaVersion);
        List<Manifest.Table> tables = new ArrayList<>();
        Map<String, String> signatures = new LinkedHashMap<>();
        for (BackupTable table : BackupTables.ALL) {
            Mac mac = key.mac();
            tables.add(writeTable(source, table, zip, mac));
            signatures.put(table.entry(), ArchiveSignature.hex(mac));
        }
        List<Manifest.Blob> blobs = writeMedia(source, zip, signatures);
        Manifest manifest = new Manifest(Manifest.FORMAT, Manifest.FORMAT_VERSION, schemaVersion,
                clock.instant().toString(), source.getMetaData().getDatabaseProductName() + " "
                        + source.getMetaData().getDatabaseProductVersion(),
                tables, blobs);
        byte[] manifestJson = Manifest.JSON.writeValueAsBytes(manifest);
        zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
        zip.write(manifestJson);
        zip.closeEntry();
        signatures.put(Manifest.ENTRY, key.sign(manifestJson));
        zip.putNextEntry(new ZipEntry(ArchiveSignature.ENTRY));
        zip.write(ArchiveSignature.of(key, signatures).toJson());
        zip.closeEntry();
        return manifest;
    }

    /**
     * Copies the stored original of every image the snapshot's {@code media_asset} rows name. An original that
     * is missing from the store or no longer hashes to its address fails the export: an archive that restores
     * articles whose pictures are gone is worse than none.
     */
    private List<Manifest.Blob> writeMedia(Connection source, ZipOutputStream zip, Map<String, String> signatures)
            throws SQLException, IOException {
        List<Manifest.Blob> blobs = new ArrayList<>();
        try (Statement statement = source.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, sha256, format FROM media_asset ORDER BY id")) {
            while (rs.next()) {
                String sha256 = rs.getString("sha256");
                String name = CleanImage.originalName(ImageFormat.valueOf(rs.getString("format").toUpperCase(Locale.ROOT)));
                byte[] bytes = media.get(sha256, name).orElseThrow(() -> new BackupException("The media store has no "
                        + name + " for image " + sha256 + " of the library: restore the image's file into the store (or "
                        + "fix the media settings: CMS_MEDIA_STORE, CMS_MEDIA_DIRECTORY, CMS_MEDIA_S3_*); nothing was "
                        + "exported"));
                String actual = HexFormat.of().formatHex(sha256().digest(bytes));
                if (!actual.equals(sha256)) {
                    throw new BackupException("The media store's " + sha256 + "/" + name + " is corrupted: its bytes hash to "
                            + actual + ". Restore the image's file from an older copy; nothing was exported");
                }
                Manifest.Blob blob = new Manifest.Blob(sha256, name, Manifest.Blob.entry(sha256, name), bytes.length);
                zip.putNextEntry(new ZipEntry(blob.entry()));
                zip.write(bytes);
                zip.closeEntry();
                signatures.put(blob.entry(), key.sign(bytes));
                blobs.add(blob);
            }
        }
        progress.rows("media (originals)", blobs.size(), true);
        return blobs;
    }

    /** Every table must be backed up or known not to be content, so a new table cannot be left out silently. */
    private static void checkTables(Set<String> present, String schemaVersion) {
        Set<String> unknown = new TreeSet<>(present);
        BackupTables.ALL.forEach(table -> unknown.remove(table.name()));
        unknown.removeAll(BackupTables.NOT_BACKED_UP);
        if (!unknown.isEmpty()) {
            throw new BackupException("The database has tables this version of the backup does not know: "
                    + String.join(", ", unknown) + " (schema version " + schemaVersion + "). Use the backup command of "
                    + "the CMS version that runs against this database, or add the tables to BackupTables.");
        }
        Set<String> missing = BackupTables.ALL.stream().map(BackupTable::name).filter(name -> !present.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new BackupException("The database lacks the tables " + String.join(", ", missing) + " (schema version "
                    + schemaVersion + "): it is older than this CMS. Start the apps once so they migrate it, then export.");
        }
    }

    private Manifest.Table writeTable(Connection source, BackupTable table, ZipOutputStream zip, Mac mac)
            throws SQLException, IOException {
        List<Column> columns = Column.of(source, table.name()).stream()
                .filter(column -> !table.omitted().contains(column.name())).toList();
        String sql = "SELECT " + columns.stream().map(Column::sqlName).collect(Collectors.joining(", ")) + " FROM "
                + table.name() + " ORDER BY " + String.join(", ", table.key());
        MessageDigest sha256 = sha256();
        long rows = 0;
        zip.putNextEntry(new ZipEntry(table.entry()));
        try (PreparedStatement query = source.prepareStatement(sql)) {
            // Stream the rows instead of loading the table into memory.
            query.setFetchSize(1_000);
            try (ResultSet rs = query.executeQuery();
                    JsonGenerator out = Manifest.JSON.getFactory()
                            .createGenerator(new KeepOpen(new DigestOutputStream(new Signing(zip, mac), sha256)))) {
                out.setRootValueSeparator(null);
                while (rs.next()) {
                    out.writeStartObject();
                    for (int i = 0; i < columns.size(); i++) {
                        columns.get(i).write(rs, i + 1, out);
                    }
                    out.writeEndObject();
                    out.writeRaw('\n');
                    if (++rows % REPORT_EVERY == 0) {
                        progress.rows(table.name(), rows, false);
                    }
                }
            }
        }
        zip.closeEntry();
        progress.rows(table.name(), rows, true);
        return new Manifest.Table(table.name(), table.entry(), rows, HexFormat.of().formatHex(sha256.digest()), columns,
                List.copyOf(new TreeSet<>(table.omitted())));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** Feeds every byte written through it to the entry's HMAC. */
    private static final class Signing extends FilterOutputStream {

        private final Mac mac;

        Signing(OutputStream out, Mac mac) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }
    }

    /** Lets a writer close without closing the zip under it. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
