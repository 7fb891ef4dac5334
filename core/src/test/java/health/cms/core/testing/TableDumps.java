package health.cms.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import health.cms.core.backup.BackupTable;
import health.cms.core.backup.BackupTables;

/**
 * Every backed-up table of a database as ordered rows of PostgreSQL's text form, for comparing two
 * databases. Columns a backup omits on purpose (secrets) are left out, since a restore cannot bring them back.
 */
public final class TableDumps {

    private TableDumps() {
    }

    public static Map<String, List<List<String>>> of(String url) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            Map<String, List<List<String>>> tables = new LinkedHashMap<>();
            for (BackupTable table : BackupTables.ALL) {
                tables.put(table.name(), rows(connection, table));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not dump " + url, e);
        }
    }

    /** Rows per table, for messages and for checking a database is empty. */
    public static Map<String, Integer> counts(Map<String, List<List<String>>> dump) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        dump.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }

    private static List<List<String>> rows(Connection connection, BackupTable table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT * FROM " + table.name() + " ORDER BY " + String.join(", ", table.key()))) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    String column = rs.getMetaData().getColumnName(i);
                    if (!table.omitted().contains(column)) {
                        row.add(column + "=" + rs.getString(i));
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
