package health.cms.core.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import health.cms.core.media.BlobStore;
import health.cms.core.media.FileBlobStore;
import health.cms.core.media.TestImages;
import health.cms.core.testing.Archives;
import health.cms.core.testing.EmbeddedDatabase;

class BackupExportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyTableOfTheSchemaIsBackedUpOrDeclaredNotContent() throws SQLException {
        // Fails when a migration adds a table without a line in BackupTables: add it there (with any secret
        // columns omitted), or to NOT_BACKED_UP if it truly holds no content.
        String url = EmbeddedDatabase.createMigratedDatabase();
        Set<String> declared = new HashSet<>(BackupTables.NOT_BACKED_UP);
        BackupTables.ALL.forEach(table -> declared.add(table.name()));
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            assertEquals(declared, Schema.tables(connection));
        }
    }

    @Test
    void writesEachTableAsJsonLinesWithCountsAndChecksumsInTheManifest() throws Exception {
        String url = EmbeddedDatabase.createMigratedDatabase();
        try (Connection connection = EmbeddedDatabase.connect(url); Statement s = connection.createStatement()) {
            s.execute("""
                    INSERT INTO profile (slug, display_name, credentials, specialties, is_reviewer, created_at)
                    VALUES ('rita-reviewer', 'Rita “Reviewer” Ødegård', 'MD, PhD', '{Oncology,"Public health"}', true,
                            '2026-01-02 03:04:05.123456+00')""");
            s.execute("INSERT INTO category (slug, name, created_at) VALUES ('conditions', 'Conditions', now())");
        }
        Path file = dir.resolve("backup.zip");
        Manifest manifest;
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            manifest = new BackupExport(Progress.SILENT, CLOCK, Archives.KEY, media()).write(connection, file);
        }

        assertEquals(Manifest.FORMAT, manifest.format());
        assertEquals(latestMigration(url), manifest.schemaVersion());
        assertEquals("2026-11-27T10:00:00Z", manifest.createdAt());
        assertEquals(BackupTables.ALL.stream().map(BackupTable::name).toList(),
                manifest.tables().stream().map(Manifest.Table::name).toList(), "dependency order");
        assertEquals(1, manifest.table("profile").orElseThrow().rows());
        assertEquals(0, manifest.table("article").orElseThrow().rows());
        assertEquals(2, manifest.totalRows());

        try (BackupArchive archive = BackupArchive.open(file, Archives.KEY);
                BackupArchive.Rows rows = archive.rows(archive.manifest().table("profile").orElseThrow())) {
            JsonNode rita = rows.next();
            assertEquals("Rita “Reviewer” Ødegård", rita.get("display_name").textValue());
            assertEquals("2026-01-02T03:04:05.123456Z", rita.get("created_at").textValue(), "exact instants");
            assertEquals(List.of("Oncology", "Public health"),
                    List.of(rita.get("specialties").get(0).textValue(), rita.get("specialties").get(1).textValue()));
            assertTrue(rita.get("is_reviewer").booleanValue());
            assertTrue(rita.get("id").isIntegralNumber());
        }
        assertTrue(Archives.entry(file, "tables/profile.jsonl").endsWith("}\n"), "one JSON object per line");
    }

    @Test
    void refusesADatabaseWithATableNoBackupKnowsAndLeavesNoFile() throws SQLException {
        String url = EmbeddedDatabase.createMigratedDatabase();
        try (Connection connection = EmbeddedDatabase.connect(url); Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE newsletter_signup (id BIGSERIAL PRIMARY KEY, secret TEXT)");
        }
        Path file = dir.resolve("backup.zip");
        BackupException refused;
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            refused = assertThrows(BackupException.class,
                    () -> new BackupExport(Progress.SILENT, CLOCK, Archives.KEY, media()).write(connection, file));
        }
        assertTrue(refused.getMessage().contains("newsletter_signup"), refused.getMessage());
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(dir.resolve("backup.zip.part")));
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        String url = EmbeddedDatabase.createMigratedDatabase();
        Path file = Files.writeString(dir.resolve("backup.zip"), "last week's backup");
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            BackupException refused = assertThrows(BackupException.class,
                    () -> new BackupExport(Progress.SILENT, CLOCK, Archives.KEY, media()).write(connection, file));
            assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());
        }
        assertEquals("last week's backup", Files.readString(file));
    }

    @Test
    void reportsRowsPerTableAsItGoes() throws SQLException {
        String url = EmbeddedDatabase.createMigratedDatabase();
        try (Connection connection = EmbeddedDatabase.connect(url); Statement s = connection.createStatement()) {
            s.execute("INSERT INTO tag (slug, name, created_at) SELECT 'tag-' || n, 'Tag ' || n, now() "
                    + "FROM generate_series(1, 120) AS n");
        }
        Map<String, Long> finished = new LinkedHashMap<>();
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            new BackupExport((table, rows, done) -> {
                if (done) {
                    finished.put(table, rows);
                }
            }, CLOCK, Archives.KEY, media()).write(connection, dir.resolve("backup.zip"));
        }
        assertEquals(BackupTables.ALL.size() + 1, finished.size(), "every table, then the media's originals");
        assertEquals(120L, finished.get("tag"));
        assertEquals(0L, finished.get("media (originals)"));
    }

    @Test
    void carriesEveryImageOriginalOfTheLibraryByteForByte() throws SQLException {
        String url = EmbeddedDatabase.createMigratedDatabase();
        byte[] png = TestImages.write(TestImages.redLeftBlueRight(40, 30), "png");
        String sha256 = sha256(png);
        BlobStore media = media();
        media.put(sha256, "original.png", png);
        // a rendition stays behind: the restore has the desk make it again from the original
        media.put(sha256, "320.png", new byte[]{1, 2, 3});
        insertAsset(url, sha256, png.length);
        Path file = dir.resolve("backup.zip");
        Manifest manifest;
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            manifest = new BackupExport(Progress.SILENT, CLOCK, Archives.KEY, media).write(connection, file);
        }

        assertEquals(List.of(new Manifest.Blob(sha256, "original.png", "media/" + sha256 + "/original.png", png.length)),
                manifest.media());
        assertArrayEquals(png, Archives.bytes(file, "media/" + sha256 + "/original.png"));
        assertFalse(Archives.entries(file).contains("media/" + sha256 + "/320.png"));
        try (BackupArchive archive = BackupArchive.open(file, Archives.KEY)) {
            assertArrayEquals(png, archive.blob(archive.manifest().media().get(0)));
        }
    }

    @Test
    void refusesToExportWhenAnImageOriginalIsMissingFromTheStoreAndLeavesNoFile() throws SQLException {
        String url = EmbeddedDatabase.createMigratedDatabase();
        String sha256 = "ab".repeat(32);
        insertAsset(url, sha256, 10);
        Path file = dir.resolve("backup.zip");
        BackupException refused;
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            refused = assertThrows(BackupException.class,
                    () -> new BackupExport(Progress.SILENT, CLOCK, Archives.KEY, media()).write(connection, file));
        }
        assertTrue(refused.getMessage().contains("The media store has no original.png for image " + sha256),
                refused.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void refusesToExportACorruptedImageOriginal() throws SQLException {
        String url = EmbeddedDatabase.createMigratedDatabase();
        byte[] png = TestImages.write(TestImages.redLeftBlueRight(40, 30), "png");
        String sha256 = sha256(png);
        BlobStore media = media();
        png[png.length / 2] ^= 1;
        media.put(sha256, "original.png", png);
        insertAsset(url, sha256, png.length);
        BackupException refused;
        try (Connection connection = EmbeddedDatabase.connect(url)) {
            refused = assertThrows(BackupException.class, () -> new BackupExport(Progress.SILENT, CLOCK, Archives.KEY, media)
                    .write(connection, dir.resolve("backup.zip")));
        }
        assertTrue(refused.getMessage().contains("original.png is corrupted"), refused.getMessage());
    }

    private BlobStore media() {
        return new FileBlobStore(dir.resolve("media"));
    }

    private static void insertAsset(String url, String sha256, long bytes) throws SQLException {
        try (Connection connection = EmbeddedDatabase.connect(url); Statement s = connection.createStatement()) {
            s.execute("INSERT INTO media_asset (sha256, format, width, height, bytes, created_by, created_at) VALUES ('"
                    + sha256 + "', 'png', 40, 30, " + bytes + ", 'writer1', now())");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String latestMigration(String url) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").load().info().current().getVersion()
                .getVersion();
    }
}
