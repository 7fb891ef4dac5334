package health.cms.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedDatabase;

class MigrationsTest {

    private static String url;

    @BeforeAll
    static void migrateEmptyDatabase() {
        url = EmbeddedDatabase.createMigratedDatabase();
    }

    @Test
    void migrationsCreateTheContentModelOnAnEmptyDatabase() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection c = EmbeddedDatabase.connect(url);
                ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.containsAll(Set.of("article", "revision", "revision_author", "revision_tag",
                "revision_reference", "profile", "category", "tag", "sign_off", "correction", "audit_event")),
                "missing tables, found " + tables);
    }

    @Test
    void articleSlugsAreUnique() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO article (slug, status, created_at, updated_at) VALUES ('flu-vaccine', 'draft', now(), now())");
            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO article (slug, status, created_at, updated_at) VALUES ('flu-vaccine', 'draft', now(), now())"));
            assertEquals("23505", duplicate.getSQLState(), "unique_violation expected");
        }
    }

    @Test
    void statusMustBeOneOfTheWorkflowValues() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            SQLException bad = assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO article (slug, status, created_at, updated_at) VALUES ('x', 'PUBLISHED', now(), now())"));
            assertEquals("23514", bad.getSQLState(), "check_violation expected");
        }
    }

    @Test
    void auditEventsCannotBeChangedOrDeleted() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO audit_event (occurred_at, actor, action, prev_hash, hash) VALUES (now(), 'editor1', 'test', '"
                            + "0".repeat(64) + "', '" + "a".repeat(64) + "')");
            SQLException update = assertThrows(SQLException.class,
                    () -> s.execute("UPDATE audit_event SET actor = 'someone-else'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit_event"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
    }
}
