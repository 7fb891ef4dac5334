package health.cms.delivery.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
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
                    "SELECT keycloak_user FROM profile", "SELECT id FROM category"}) {
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

    private static void denied(Executable statement, String what) {
        SQLException refusal = assertThrows(SQLException.class, statement, what);
        assertEquals("42501", refusal.getSQLState(), what + ": " + refusal.getMessage());
    }

    private static Connection connect() throws SQLException {
        return DeliveryRoleResource.connectAsApi(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }
}
