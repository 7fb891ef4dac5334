package health.cms.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries), with a fresh database for each
 * caller that asks for one, so tests never see each other's rows.
 */
public final class EmbeddedDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary data directory is removed by zonky
                }
            }));
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL (user and password are both "postgres"). */
    public static String createDatabase() {
        String name = "cms_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** Creates a database with every migration applied and returns its JDBC URL. */
    public static String createMigratedDatabase() {
        return createMigratedDatabase(null);
    }

    /** Creates a database migrated to {@code version} (null: the latest) and returns its JDBC URL. */
    public static String createMigratedDatabase(String version) {
        String url = createDatabase();
        var flyway = Flyway.configure().dataSource(url, "postgres", "postgres");
        if (version != null) {
            flyway.target(version);
        }
        flyway.load().migrate();
        return url;
    }

    /** A connection, as the server's superuser, to a database created here. */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
