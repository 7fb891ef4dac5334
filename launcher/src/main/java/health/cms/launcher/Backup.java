package health.cms.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import health.cms.core.backup.BackupArchive;
import health.cms.core.backup.BackupException;
import health.cms.core.backup.BackupExport;
import health.cms.core.backup.BackupKey;
import health.cms.core.backup.Manifest;
import health.cms.core.backup.Schema;
import health.cms.core.media.BlobStore;
import health.cms.core.media.FileBlobStore;
import health.cms.core.media.MediaConfig;
import health.cms.core.media.S3BlobStore;
import health.cms.workflow.backup.Restore;

/**
 * The backup command: exports the CMS database into one portable archive, or restores an archive into
 * an empty database.
 *
 * <pre>
 * ./mvnw -q package -Pbackup -Dexport=backup.zip
 * ./mvnw -q package -Pbackup -Drestore=backup.zip
 * </pre>
 *
 * It works on the local stack's database unless {@code CMS_DB_URL} (with {@code CMS_DB_USER} and
 * {@code CMS_DB_PASSWORD}) names another one. When the local stack is not running, it starts the
 * stack's PostgreSQL (data in {@code .local/postgres}) for the length of the command. Archives are signed
 * with the backup key ({@link #key()}), and a restore refuses one that is not signed with it.
 */
public final class Backup {

    private final PrintStream out;
    private final Path projectDir;
    private final Map<String, String> env;

    Backup(PrintStream out, Path projectDir, Map<String, String> env) {
        this.out = out;
        this.projectDir = projectDir;
        this.env = env;
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String export = args.length == 2 && args[0].equals("export") ? args[1] : System.getProperty("cms.export", "");
        String restore = args.length == 2 && args[0].equals("restore") ? args[1] : System.getProperty("cms.restore", "");
        if (export.isBlank() == restore.isBlank()) {
            System.err.println("""
                    Usage: ./mvnw -q package -Pbackup -Dexport=backup.zip     (write an archive of the database)
                           ./mvnw -q package -Pbackup -Drestore=backup.zip    (restore an archive into an empty database)
                    Works on the local stack's database, or on CMS_DB_URL with CMS_DB_USER and CMS_DB_PASSWORD.""");
            System.exit(2);
        }
        Backup backup = new Backup(System.out,
                Path.of(System.getProperty("cms.project.dir", ".")).toAbsolutePath().normalize(), System.getenv());
        try {
            if (!export.isBlank()) {
                backup.export(Path.of(export));
            } else {
                backup.restore(Path.of(restore));
            }
        } catch (BackupException | StackException e) {
            System.err.println();
            System.err.println((export.isBlank() ? "Restore" : "Export") + " failed: " + e.getMessage());
            if (e instanceof Restore.NotEmpty && System.getenv("CMS_DB_URL") == null) {
                System.err.println("For the local stack: stop it, delete .local/postgres, then run this command again "
                        + "(it starts PostgreSQL on its own).");
            }
            System.exit(1);
        }
    }

    void export(Path file) {
        BackupKey key = key();
        try (BackupDatabase database = BackupDatabase.open(projectDir, env, out)) {
            out.println("Exporting " + database.url + " to " + file);
            long started = System.nanoTime();
            Manifest manifest;
            try (Connection connection = database.connect()) {
                manifest = new BackupExport(this::progress, Clock.systemUTC(), key, mediaStore()).write(connection, file);
            }
            out.printf("Wrote %s (%s): %s in %d tables, schema version %s, in %s.%n", file, size(file),
                    rows(manifest.totalRows()), manifest.tables().size(), manifest.schemaVersion(), since(started));
        } catch (SQLException e) {
            throw new BackupException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    void restore(Path file) {
        BackupKey key = key();
        try (BackupArchive archive = BackupArchive.open(file, key);
                BackupDatabase database = BackupDatabase.open(projectDir, env, out)) {
            Manifest manifest = archive.manifest();
            out.printf("%s: written %s from %s, schema version %s, %s; signed with this backup key, every checksum "
                    + "matches.%n", file,
                    manifest.createdAt(), manifest.database(), manifest.schemaVersion(), rows(manifest.totalRows()));
            long started = System.nanoTime();
            Restore.Report report;
            try (Connection connection = database.connect()) {
                if (Schema.tables(connection).isEmpty()) {
                    createSchema(database, manifest.schemaVersion());
                }
                out.println("Restoring into " + database.url);
                report = new Restore(this::progress, mediaStore()).run(archive, connection);
            }
            out.printf("Restored %s in %s. Checked before committing: the audit chain of %,d events is intact; "
                    + "%,d revisions match their content hash; %,d live revisions are signed off on their exact text; "
                    + "%,d sign-offs are recorded in the audit chain; %,d images match their SHA-256 and are in the media "
                    + "store (the desk makes their renditions again); the public read model was rebuilt from the live "
                    + "revisions.%n", rows(report.totalRows()), since(started), report.auditEvents(),
                    report.revisionsHashed(), report.liveRevisionsSignedOff(), report.signOffsInAuditTrail(),
                    report.imagesVerified());
        } catch (SQLException e) {
            throw new BackupException("Cannot reach the database: " + e.getMessage(), e);
        }
    }

    /**
     * The key that signs and checks archives: {@code CMS_BACKUP_KEY} (or {@code -Dcms.backup.key}). Only the
     * local stack may do without: it keeps a generated key in {@code .local/backup.key}, next to its data. For
     * any other database ({@code CMS_DB_URL}) the command refuses to run without a configured key.
     */
    BackupKey key() {
        String configured = env.get(BackupKey.ENV);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(BackupKey.PROPERTY);
        }
        if (configured != null && !configured.isBlank()) {
            return BackupKey.of(configured);
        }
        if (env.get("CMS_DB_URL") != null && !env.get("CMS_DB_URL").isBlank()) {
            throw new BackupException("No backup key: set " + BackupKey.ENV + " to at least 32 random bytes in base64 "
                    + "(`openssl rand -base64 32`), kept outside the archives (a secret store). Archives are signed with it "
                    + "and a restore needs the same key; nothing was exported or restored.");
        }
        Path file = projectDir.resolve(".local/backup.key");
        boolean existed = Files.exists(file);
        BackupKey key = BackupKey.readOrCreate(file);
        out.println((existed ? "Using" : "Created") + " the local stack's backup key " + file + " (key "
                + key.fingerprint() + ")");
        return key;
    }

    /**
     * The media store the apps use, from the same variables: {@code CMS_MEDIA_STORE} ({@code file} or {@code s3}),
     * {@code CMS_MEDIA_DIRECTORY} (the local stack's {@code .local/media} unless set) or {@code CMS_MEDIA_S3_*}.
     */
    BlobStore mediaStore() {
        String store = env.getOrDefault("CMS_MEDIA_STORE", "file").strip().toLowerCase(Locale.ROOT);
        switch (store) {
            case "", "file" -> {
                String directory = env.get("CMS_MEDIA_DIRECTORY");
                Path folder = directory == null || directory.isBlank()
                        ? projectDir.resolve(".local/media")
                        : projectDir.resolve(directory);
                out.println("Media store: the folder " + folder);
                return new FileBlobStore(folder);
            }
            case "s3" -> {
                MediaConfig.S3 s3 = new MediaConfig.S3() {

                    @Override
                    public Optional<String> endpoint() {
                        return setting("CMS_MEDIA_S3_ENDPOINT");
                    }

                    @Override
                    public String region() {
                        return setting("CMS_MEDIA_S3_REGION").orElse("us-east-1");
                    }

                    @Override
                    public String bucket() {
                        return setting("CMS_MEDIA_S3_BUCKET").orElse("cms-media");
                    }

                    @Override
                    public Optional<String> accessKey() {
                        return setting("CMS_MEDIA_S3_ACCESS_KEY");
                    }

                    @Override
                    public Optional<String> secretKey() {
                        return setting("CMS_MEDIA_S3_SECRET_KEY");
                    }
                };
                out.println("Media store: the S3 bucket " + s3.bucket() + s3.endpoint().map(e -> " at " + e).orElse(""));
                return S3BlobStore.from(s3);
            }
            default -> throw new BackupException("CMS_MEDIA_STORE='" + store + "' is neither file nor s3");
        }
    }

    private Optional<String> setting(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** A database without tables gets the schema at exactly the archive's version; the apps migrate it further. */
    private void createSchema(BackupDatabase database, String version) {
        var flyway = Flyway.configure().dataSource(database.url, database.user, database.password);
        String newest = Arrays.stream(flyway.load().info().all()).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).map(MigrationVersion::getVersion).max(Schema::compare).orElse("0");
        if (Schema.compare(version, newest) > 0) {
            throw new BackupException("The archive has schema version " + version + ", but this CMS knows versions up to "
                    + newest + ": restore it with the newer CMS version that wrote it");
        }
        out.println("The database has no tables: creating the CMS schema at version " + version);
        try {
            flyway.target(version).load().migrate();
        } catch (FlywayException e) {
            throw new BackupException("Creating the schema failed: " + e.getMessage(), e);
        }
    }

    private void progress(String table, long rows, boolean finished) {
        out.printf("  %-20s %16s%s%n", table, rows(rows), finished ? "" : " ...");
    }

    private static String rows(long count) {
        return String.format("%,d %s", count, count == 1 ? "row" : "rows");
    }

    private static String since(long started) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return String.format("%.1f s", took.toMillis() / 1000.0);
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 1024 * 1024
                    ? String.format("%,d KB", (bytes + 1023) / 1024)
                    : String.format("%,.1f MB", bytes / 1024.0 / 1024.0);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
