package health.cms.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

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
            manifest = new BackupExport(Progress.SILENT, CLOCK, Archives.KEY).write(connection, file);
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
                    () -> new BackupExport(Progress.SILENT, CLOCK, Archives.KEY).write(connection, file));
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
                    () -> new BackupExport(Progress.SILENT, CLOCK, Archives.KEY).write(connection, file));
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
            }, CLOCK, Archives.KEY).write(connection, dir.resolve("backup.zip"));
        }
        assertEquals(BackupTables.ALL.size(), finished.size());
        assertEquals(120L, finished.get("tag"));
    }

    static String latestMigration(String url) {
        return Flyway.configure().dataSource(url, "postgres", "postgres").load().info().current().getVersion()
                .getVersion();
    }
}
