package health.cms.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import health.cms.core.publication.ApiRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local stack's PostgreSQL: the embedded server binaries, data kept between runs in a directory
 * of {@code .local/}, the {@code cms} database owned by user {@code cms} (password {@code cms}), which admin-ui
 * migrates, and the api's read-only login {@code cms_api}.
 */
final class LocalPostgres {

    /** Owns the schema: admin-ui migrates and writes as this user (so does the backup command). */
    static final String APP_USER = "cms";
    static final String APP_PASSWORD = "cms";
    /**
     * The public api's login: a member of {@code cms_delivery}, the role that migration V17 grants the published
     * read model and nothing else.
     */
    static final String API_USER = "cms_api";
    static final String API_PASSWORD = "cms_api";
    /** The api's preview API login: a member of {@code cms_preview}, which migration V20 grants working revisions. */
    static final String PREVIEW_USER = "cms_api_preview";
    static final String PREVIEW_PASSWORD = "cms_api_preview";

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
            // As an operator's administrator would (README, "Database roles"), before V17 grants cms_delivery.
            statement.execute("""
                    DO $$ BEGIN
                      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                      END IF;
                    END $$""".formatted(APP_USER, APP_PASSWORD));
            statement.execute(ApiRoles.createMissing(API_USER, API_PASSWORD, PREVIEW_USER, PREVIEW_PASSWORD));
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'cms'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE cms OWNER " + APP_USER);
                }
            }
        } catch (SQLException e) {
            throw new StackException("Could not prepare the cms database: " + e.getMessage(), e);
        }
        return postgres;
    }
}
