package health.cms.core.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.api.MigrationVersion;

/** What a database's schema is, as far as backups care: its Flyway version and its tables. */
public final class Schema {

    private Schema() {
    }

    /** The highest Flyway version successfully applied, empty when Flyway never ran here. */
    public static Optional<String> version(Connection connection) throws SQLException {
        if (!tables(connection).contains("flyway_schema_history")) {
            return Optional.empty();
        }
        Set<String> versions = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions.stream().max(Schema::compare);
    }

    /** Orders Flyway versions numerically ("7" before "10", "7" before "7.1"). */
    public static int compare(String a, String b) {
        return Comparator.comparing(MigrationVersion::fromVersion).compare(a, b);
    }

    /** The base tables of the connection's current schema. */
    public static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'""");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }
}
