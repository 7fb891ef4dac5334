package health.cms.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedDatabase;

/** V10 fills in who submitted each existing article from the audit trail's last 'submit' event. */
class SubmitterBackfillTest {

    @Test
    void theSubmitterOfAnExistingArticleIsTheActorOfItsLastSubmit() throws SQLException {
        String url = EmbeddedDatabase.createDatabase();
        Flyway.configure().dataSource(url, "postgres", "postgres").target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("INSERT INTO article (id, slug, status, created_at, updated_at) VALUES "
                    + "(1, 'resubmitted', 'medical-review', now(), now()), (2, 'never-submitted', 'draft', now(), now())");
            event(s, "writer1", "create", 1);
            event(s, "writer1", "submit", 1);
            event(s, "reviewer1", "request-changes", 1);
            event(s, "writer2", "submit", 1);
            event(s, "writer1", "create", 2);

            Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();

            assertEquals("writer2", submitter(s, 1));
            assertNull(submitter(s, 2));
        }
    }

    private static void event(Statement s, String actor, String action, long articleId) throws SQLException {
        s.execute("INSERT INTO audit_event (occurred_at, actor, action, article_id, prev_hash, hash) VALUES (now(), '"
                + actor + "', '" + action + "', " + articleId + ", 'x', md5(random()::text))");
    }

    private static String submitter(Statement s, long articleId) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT submitted_by FROM article WHERE id = " + articleId)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
