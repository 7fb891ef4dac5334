package health.cms.delivery.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The public api reads as a role that can read the published read model and nothing else: whoever takes over
 * an api replica, or finds an injection in it, can neither read unpublished text nor change what readers get.
 */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class DeliveryRoleTest {

    @Inject
    @io.quarkus.agroal.DataSource("read")
    DataSource delivery;

    @Test
    void apiRoleCannotReadDraftRevisions() throws SQLException {
        Fixtures.published("served-through-the-role");
        Fixtures.draft("unpublished-through-the-role");
        given().get("/api/v1/articles/served-through-the-role").then().statusCode(200)
                .body("slug", equalTo("served-through-the-role"));

        try (Connection pooled = delivery.getConnection();
                Statement s = pooled.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            assertEquals(DeliveryRoleResource.USER, rs.getString(1), "the api's reads run as its role");
        }
        try (Connection api = connect(); Statement s = api.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT slug FROM published_article WHERE slug = 'served-through-the-role'")) {
                assertTrue(rs.next(), "the role reads the read model");
            }
            try (ResultSet rs = s.executeQuery("SELECT current_user")) {
                rs.next();
                assertEquals(DeliveryRoleResource.USER, rs.getString(1));
            }
            for (String query : new String[]{"SELECT body_markdown FROM revision", "SELECT slug FROM article",
                    "SELECT citation FROM revision_reference", "SELECT reviewer_name FROM sign_off",
                    "SELECT actor FROM audit_event", "SELECT slug FROM outbox_event",
                    "SELECT keycloak_user FROM profile", "SELECT created_at FROM category"}) {
                denied(() -> s.executeQuery(query).close(), query);
            }
        }
    }

    @Test
    void apiRoleCannotWriteContent() throws SQLException {
        Fixtures.published("not-writable-through-the-role");
        try (Connection api = connect(); Statement s = api.createStatement()) {
            for (String write : new String[]{
                    "UPDATE published_article SET title = 'Take 100 mg'",
                    "DELETE FROM published_article",
                    "TRUNCATE published_article",
                    "INSERT INTO slug_redirect (old_slug, article_id, created_at) SELECT 'x', article_id, now() "
                            + "FROM published_article",
                    "UPDATE article SET status = 'published'",
                    "INSERT INTO revision (article_id, number, title, summary, body_markdown, category_id, created_by, "
                            + "created_at, content_hash) VALUES (1, 99, 't', 's', 'b', 1, 'x', now(), 'h')",
                    "UPDATE profile SET credentials = 'MD'",
                    "CREATE TABLE public.planted (id int)"}) {
                denied(() -> s.execute(write), write);
            }
        }
        given().get("/api/v1/articles/not-writable-through-the-role").then().statusCode(200)
                .body("title", equalTo("Article not-writable-through-the-role"));
    }

    @Test
    void apiRoleReadsKeyHashesAndAddsUsageButCannotChangeOrIssueKeys() throws SQLException {
        try (Connection owner = DriverManager.getConnection(url()); Statement s = owner.createStatement()) {
            s.execute("INSERT INTO api_key (name, scope, key_prefix, key_hash, created_at, created_by) "
                    + "VALUES ('Role test', 'preview', 'cms_roletest', repeat('a', 64), now(), 'editor1')");
        }
        try (Connection api = connect(); Statement s = api.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, scope, key_hash FROM api_key WHERE revoked_at IS NULL")) {
                assertTrue(rs.next(), "the role reads the working keys' hashes");
            }
            assertEquals(1, s.executeUpdate("UPDATE api_key SET request_count = request_count + 3, "
                    + "last_used_at = now() WHERE key_hash = repeat('a', 64)"), "the role adds usage");
            for (String forbidden : new String[]{"SELECT created_by FROM api_key", "SELECT name FROM api_key",
                    "UPDATE api_key SET revoked_at = NULL", "UPDATE api_key SET key_hash = repeat('b', 64)",
                    "UPDATE api_key SET scope = 'preview'", "DELETE FROM api_key",
                    "INSERT INTO api_key (name, scope, key_prefix, key_hash, created_at, created_by) "
                            + "VALUES ('x', 'preview', 'cms_x', repeat('c', 64), now(), 'x')"}) {
                denied(() -> s.execute(forbidden), forbidden);
            }
        }
    }

    private static void denied(Executable statement, String what) {
        SQLException refusal = assertThrows(SQLException.class, statement, what);
        assertEquals("42501", refusal.getSQLState(), what + ": " + refusal.getMessage());
    }

    private static Connection connect() throws SQLException {
        return DeliveryRoleResource.connectAsApi(url());
    }

    /** The test database, as its owner (the embedded server's URL names its user). */
    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }
}
