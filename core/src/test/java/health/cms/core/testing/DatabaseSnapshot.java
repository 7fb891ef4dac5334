package health.cms.core.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Row count and checksum of every table in the {@code public} schema, for proving that a run of
 * requests changed nothing. Sequences are left out on purpose: a refused insert still draws from one.
 */
public record DatabaseSnapshot(Map<String, String> tables) {

    public static DatabaseSnapshot of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, String> tables = new LinkedHashMap<>();
            for (String name : names) {
                // Each row's text form hashed, then the sorted hashes hashed: independent of physical row order.
                try (ResultSet rs = statement.executeQuery("SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '-')"
                        + " FROM (SELECT md5(t::text) AS h FROM \"" + name + "\" t) rows")) {
                    rs.next();
                    tables.put(name, rs.getLong(1) + " rows, md5 " + rs.getString(2));
                }
            }
            return new DatabaseSnapshot(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a database snapshot", e);
        }
    }

    /**
     * A snapshot taken once the database has stopped changing, so that background work left over from
     * earlier tests (an import finishing its last lines) is not mistaken for a change made later.
     */
    public static DatabaseSnapshot settled(DataSource dataSource, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DatabaseSnapshot previous = of(dataSource);
        while (true) {
            sleep(300);
            DatabaseSnapshot current = of(dataSource);
            if (current.equals(previous) || System.nanoTime() > deadline) {
                return current;
            }
            previous = current;
        }
    }

    /** The tables whose rows differ from the other snapshot's, with both states; empty when equal. */
    public Map<String, String> differences(DatabaseSnapshot after) {
        Map<String, String> differences = new LinkedHashMap<>();
        for (String table : tables.keySet()) {
            if (!tables.get(table).equals(after.tables.get(table))) {
                differences.put(table, tables.get(table) + " -> " + after.tables.get(table));
            }
        }
        for (String table : after.tables.keySet()) {
            if (!tables.containsKey(table)) {
                differences.put(table, "new table: " + after.tables.get(table));
            }
        }
        return differences;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
