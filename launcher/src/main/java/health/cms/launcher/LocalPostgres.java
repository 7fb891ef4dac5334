package health.cms.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local stack's PostgreSQL: the embedded server binaries, data kept between runs in a directory
 * of {@code .local/}, and the {@code cms} database owned by user {@code cms} (password {@code cms}).
 */
final class LocalPostgres {

    private LocalPostgres() {
    }

    /** True when the data directory has not been initialised yet. */
    static boolean isNew(Path dataDir) {
        return !Files.exists(dataDir.resolve("PG_VERSION"));
    }

    /** Starts the server on {@code port}, creating the data directory, user and database on first use. */
    static EmbeddedPostgres start(Path dataDir, int port) {
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(dataDir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not start: " + e.getMessage(), e);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms') THEN
                        CREATE ROLE cms LOGIN PASSWORD 'cms';
                      END IF;
                    END $$""");
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'cms'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE cms OWNER cms");
                }
            }
        } catch (SQLException e) {
            throw new StackException("Could not prepare the cms database: " + e.getMessage(), e);
        }
        return postgres;
    }
}
