package health.cms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import health.cms.core.backup.BackupException;
import health.cms.core.backup.BackupKey;
import health.cms.core.testing.Archives;
import health.cms.workflow.backup.Restore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The backup command against the local stack's PostgreSQL, running or not (on free ports, in temporary directories). */
class BackupTest {

    @TempDir
    Path source;
    @TempDir
    Path target;

    @Test
    void exportsARunningLocalDatabaseAndRestoresIntoAStoppedNewOneCreatingItsSchema() throws Exception {
        int sourcePort = freePort();
        Path archive = source.resolve("backup.zip");
        String exported;
        try (EmbeddedPostgres running = LocalPostgres.start(source.resolve(".local/postgres"), sourcePort)) {
            String url = "jdbc:postgresql://localhost:" + sourcePort + "/cms";
            Flyway.configure().dataSource(url, "cms", "cms").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "cms", "cms"); Statement s = c.createStatement()) {
                s.execute("INSERT INTO category (slug, name, created_at) VALUES ('conditions', 'Conditions', now())");
            }
            exported = run(source, sourcePort, backup -> backup.export(archive));
        }
        assertTrue(exported.matches("(?s).*\\n  category +1 row\\n.*"), exported);
        assertTrue(exported.contains("Wrote " + archive), exported);

        int targetPort = freePort();
        String restored = run(target, targetPort, backup -> backup.restore(archive));
        assertTrue(restored.contains("The local stack is not running: starting its PostgreSQL"), restored);
        assertTrue(restored.matches("(?s).*The database has no tables: creating the CMS schema at version \\d+.*"), restored);
        assertTrue(restored.contains("Restored 1 row in"), restored);

        BackupException again = assertThrows(Restore.NotEmpty.class,
                () -> run(target, targetPort, backup -> backup.restore(archive)));
        assertTrue(again.getMessage().contains("category: 1 row"), again.getMessage());
    }

    @Test
    void checksTheArchiveBeforeTouchingAnyDatabase() throws IOException {
        int port = freePort();
        Path notAnArchive = Files.writeString(target.resolve("notes.zip"), "not a zip");
        BackupException refused = assertThrows(BackupException.class,
                () -> run(target, port, backup -> backup.restore(notAnArchive)));
        assertTrue(refused.getMessage().contains("is not a CMS backup archive"), refused.getMessage());
        assertFalse(Files.exists(target.resolve(".local/postgres")), "no database was started");
    }

    private interface Command {

        void run(Backup backup) throws SQLException;
    }

    @Test
    void theLocalStackKeepsOneGeneratedKeyInItsDataFolder() throws IOException {
        Backup backup = new Backup(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), target,
                Map.of());
        BackupKey first = backup.key();
        Path file = target.resolve(".local/backup.key");
        assertTrue(Files.exists(file));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file), "only its owner may read the key");
        assertEquals(first.fingerprint(), backup.key().fingerprint(), "the same key on every run");
    }

    @Test
    void anotherDatabaseThanTheLocalStackIsNeitherExportedNorRestoredWithoutAKey() throws IOException {
        Map<String, String> production = Map.of("CMS_DB_URL", "jdbc:postgresql://db.example.org:5432/cms");
        Path archive = Files.writeString(target.resolve("backup.zip"), "not read");
        for (Command command : List.<Command>of(backup -> backup.export(target.resolve("new.zip")),
                backup -> backup.restore(archive))) {
            BackupException refused = assertThrows(BackupException.class, () -> run(target, production, command));
            assertTrue(refused.getMessage().startsWith("No backup key: set CMS_BACKUP_KEY"), refused.getMessage());
        }
        assertFalse(Files.exists(target.resolve("new.zip")));
        assertFalse(Files.exists(target.resolve(".local")), "no key was generated for another database");
    }

    private static String run(Path projectDir, int port, Command command) throws SQLException {
        return run(projectDir, Map.of("CMS_PG_PORT", String.valueOf(port), BackupKey.ENV, Archives.KEY_BASE64),
                command);
    }

    private static String run(Path projectDir, Map<String, String> env, Command command) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.run(new Backup(new PrintStream(out, true, StandardCharsets.UTF_8), projectDir, env));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
