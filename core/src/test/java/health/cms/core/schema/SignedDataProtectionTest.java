package health.cms.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import health.cms.core.testing.EmbeddedDatabase;

/**
 * The database refuses to rewrite what reviewers signed, whatever SQL the application (or whoever holds its
 * credentials) sends: revisions, their byline, tags and references, sign-offs and the audit trail.
 */
class SignedDataProtectionTest {

    private static final AtomicInteger ARTICLES = new AtomicInteger();
    private static String url;

    @BeforeAll
    static void migrateEmptyDatabase() {
        url = EmbeddedDatabase.createMigratedDatabase();
    }

    @Test
    void signedRevisionCannotBeRewrittenInSql() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            long revision = insertRevision(s);
            s.execute("INSERT INTO profile (slug, display_name) VALUES ('author-" + revision + "', 'A. Author')");
            s.execute("INSERT INTO revision_author (revision_id, position, profile_id) SELECT " + revision
                    + ", 0, id FROM profile WHERE slug = 'author-" + revision + "'");
            s.execute("INSERT INTO revision_reference (revision_id, position, citation) VALUES (" + revision
                    + ", 0, 'Trial, 2024')");

            refused(() -> s.execute("UPDATE revision SET body_markdown = 'Take 100 mg.' WHERE id = " + revision));
            refused(() -> s.execute("UPDATE revision_reference SET citation = 'Other' WHERE revision_id = " + revision));
            refused(() -> s.execute("DELETE FROM revision_author WHERE revision_id = " + revision));
            refused(() -> s.execute("TRUNCATE revision_reference"));
            refused(() -> s.execute("TRUNCATE revision CASCADE"));
            assertEquals("Take 10 mg.", single(s, "SELECT body_markdown FROM revision WHERE id = " + revision));
        }
    }

    @Test
    void signOffCannotBeDeleted() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            long revision = insertRevision(s);
            s.execute("""
                    INSERT INTO sign_off (revision_id, decision, reviewer_user, reviewer_name, content_hash, signed_at)
                    VALUES (%d, 'approved', 'reviewer1', 'Dr. R. Eviewer', '%s', now())""".formatted(revision,
                    "c".repeat(64)));

            refused(() -> s.execute("DELETE FROM sign_off WHERE revision_id = " + revision));
            refused(() -> s.execute("UPDATE sign_off SET reviewer_name = 'Dr. Someone Else' WHERE revision_id = "
                    + revision));
            refused(() -> s.execute("TRUNCATE sign_off"));
            assertEquals("Dr. R. Eviewer", single(s, "SELECT reviewer_name FROM sign_off WHERE revision_id = " + revision));
        }
    }

    @Test
    void auditEventsCannotBeDeleted() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO audit_event (occurred_at, actor, action, prev_hash, hash) VALUES (now(), 'editor1', "
                    + "'test', '" + "0".repeat(64) + "', '" + "d".repeat(64) + "')");

            assertThrows(SQLException.class, () -> s.execute("DELETE FROM audit_event"));
            // TRUNCATE fires no row trigger: before V17 it emptied the trail in one statement
            refused(() -> s.execute("TRUNCATE audit_event CASCADE"));
            refused(() -> s.execute("TRUNCATE audit_checkpoint"));
            assertEquals("1", single(s, "SELECT count(*) FROM audit_event WHERE hash = '" + "d".repeat(64) + "'"));
        }
    }

    @Test
    void deliveryRoleReadsOnlyThePublishedReadModel() throws SQLException {
        try (Connection c = EmbeddedDatabase.connect(url); Statement s = c.createStatement()) {
            for (String table : new String[]{"published_article", "slug_redirect"}) {
                assertTrue(privilege(s, "has_table_privilege('cms_delivery', '" + table + "', 'SELECT')"), table);
            }
            for (String table : new String[]{"revision", "article", "sign_off", "audit_event", "revision_author",
                    "scheduled_job", "import_job", "outbox_event", "webhook_subscription"}) {
                assertFalse(privilege(s, "has_table_privilege('cms_delivery', '" + table + "', 'SELECT')"), table);
            }
            for (String write : new String[]{"INSERT", "UPDATE", "DELETE", "TRUNCATE"}) {
                assertFalse(privilege(s, "has_table_privilege('cms_delivery', 'published_article', '" + write + "')"),
                        write);
            }
            // names per language are public (V33), read only
            for (String table : new String[]{"category_name", "tag_name"}) {
                assertTrue(privilege(s, "has_column_privilege('cms_delivery', '" + table + "', 'name', 'SELECT')"), table);
                assertFalse(privilege(s, "has_table_privilege('cms_delivery', '" + table + "', 'INSERT')"), table);
            }
            // the Keycloak account a profile is linked to is not public
            assertFalse(privilege(s, "has_column_privilege('cms_delivery', 'profile', 'keycloak_user', 'SELECT')"));
        }
    }

    private static void refused(Executable statement) {
        SQLException refusal = assertThrows(SQLException.class, statement);
        assertTrue(refusal.getMessage().contains("is written once"), refusal.getMessage());
        assertEquals("42501", refusal.getSQLState(), "insufficient_privilege");
    }

    private static long insertRevision(Statement s) throws SQLException {
        String slug = "dosage-" + ARTICLES.incrementAndGet();
        s.execute("INSERT INTO category (slug, name) VALUES ('" + slug + "', 'Dosage') ON CONFLICT DO NOTHING");
        s.execute("INSERT INTO article (slug, status, created_at, updated_at) VALUES ('" + slug
                + "', 'draft', now(), now())");
        s.execute("""
                INSERT INTO revision (article_id, number, title, summary, body_markdown, category_id, created_by,
                    created_at, content_hash)
                SELECT a.id, 1, 'Dosage', 'How much', 'Take 10 mg.', c.id, 'writer1', now(), '%s'
                FROM article a, category c WHERE a.slug = '%s' AND c.slug = '%s'""".formatted("b".repeat(64), slug, slug));
        return Long.parseLong(single(s, "SELECT r.id FROM revision r JOIN article a ON a.id = r.article_id WHERE a.slug = '"
                + slug + "'"));
    }

    private static boolean privilege(Statement s, String check) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT " + check)) {
            assertTrue(rs.next(), check);
            return rs.getBoolean(1);
        }
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getString(1);
        }
    }
}
