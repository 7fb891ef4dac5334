package health.cms.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The database the backup command works on, and the local PostgreSQL it started for it, if any. */
final class BackupDatabase implements AutoCloseable {

    final String url;
    final String user;
    final String password;
    private final EmbeddedPostgres startedHere;

    private BackupDatabase(String url, String user, String password, EmbeddedPostgres startedHere) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.startedHere = startedHere;
    }

    static BackupDatabase open(Path projectDir, Map<String, String> env, PrintStream out) {
        String url = env.get("CMS_DB_URL");
        if (url != null && !url.isBlank()) {
            return new BackupDatabase(url, env.getOrDefault("CMS_DB_USER", "cms"), env.getOrDefault("CMS_DB_PASSWORD", "cms"),
                    null);
        }
        int port = port(env.get("CMS_PG_PORT"));
        BackupDatabase local = new BackupDatabase("jdbc:postgresql://localhost:" + port + "/cms", "cms", "cms", null);
        if (local.answers()) {
            return local;
        }
        Path dataDir = projectDir.resolve(".local/postgres");
        out.println("The local stack is not running: starting its PostgreSQL (data in " + dataDir + ") for this command");
        return new BackupDatabase(local.url, "cms", "cms", LocalPostgres.start(dataDir, port));
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    /** True when a server answers on the local port; false when nothing listens there. */
    private boolean answers() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            if (e.getCause() instanceof ConnectException) {
                return false;
            }
            throw new StackException("PostgreSQL on " + url + " refused the connection: " + e.getMessage(), e);
        }
    }

    private static int port(String value) {
        try {
            return value == null || value.isBlank() ? StackSettings.DEFAULT_POSTGRES_PORT : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StackException("CMS_PG_PORT='" + value + "' is not a port number");
        }
    }

    @Override
    public void close() {
        if (startedHere != null) {
            try {
                startedHere.close();
            } catch (IOException ignored) {
                // the server stops with this process anyway
            }
        }
    }
}
