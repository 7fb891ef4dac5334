package health.cms.workflow.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupException;
import health.cms.core.backup.BackupExport;
import health.cms.core.backup.Progress;
import health.cms.core.media.FileBlobStore;
import health.cms.core.testing.Archives;
import health.cms.core.testing.TableDumps;

/**
 * The {@link SampleContent} exported to a signed archive once per test class (a JUnit extension: register it as a
 * static field), and the restore and checks the restore tests share. Its folder goes when the class is done.
 */
final class SampleArchive implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private String source;
    private Path file;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        dir = Files.createTempDirectory("cms-restore-test");
        FileBlobStore media = new FileBlobStore(dir.resolve("source-media"));
        source = SampleContent.database(media);
        file = dir.resolve("sample.zip");
        try (Connection connection = SampleContent.connect(source)) {
            new BackupExport(Progress.SILENT, Clock.systemUTC(), Archives.KEY, media).write(connection, file);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The database the sample was exported from. */
    String source() {
        return source;
    }

    /** The signed archive. */
    Path file() {
        return file;
    }

    /** The schema version of the sample archive: the newest migration of this build. */
    String schemaVersion() {
        try (BackupArchive opened = BackupArchive.open(file, Archives.KEY)) {
            return opened.manifest().schemaVersion();
        }
    }

    Restore.Report restore(Path archive, String target) throws SQLException {
        try (BackupArchive opened = BackupArchive.open(archive, Archives.KEY);
                Connection c = SampleContent.connect(target)) {
            return new Restore(Progress.SILENT, media(target)).run(opened, c);
        }
    }

    /** Each target database has its own media folder. */
    FileBlobStore media(String target) {
        return new FileBlobStore(dir.resolve("media-" + target.replaceAll("[^A-Za-z0-9]", "_")));
    }

    BackupException assertRefused(Path archive, String target, String expected) {
        BackupException refused = assertThrows(BackupException.class, () -> restore(archive, target));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        return refused;
    }

    /**
     * Restores a copy of the archive with one entry edited and signed again, as a holder of the backup key
     * could, expecting a refusal that leaves the database empty.
     */
    BackupException assertResignedEditRefused(String entry, UnaryOperator<String> change, String expected) {
        Path forged = Archives.resigned(Archives.forged(file, entry, change));
        String target = SampleContent.migratedDatabase();
        BackupException refused = assertRefused(forged, target, expected);
        assertEmpty(target);
        return refused;
    }

    void assertEmpty(String url) {
        TableDumps.counts(TableDumps.of(url)).forEach((table, rows) -> assertEquals(0, rows, table + " must be empty"));
    }
}
