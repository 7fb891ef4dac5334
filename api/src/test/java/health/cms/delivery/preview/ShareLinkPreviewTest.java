package health.cms.delivery.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import health.cms.core.preview.ShareToken;
import health.cms.delivery.testing.DeliveryRoleResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A share link opens one article's working revision without a key, until it expires or is revoked. */
@QuarkusTest
@QuarkusTestResource(DeliveryRoleResource.class)
class ShareLinkPreviewTest {

    private static String key() {
        return ConfigProvider.getConfig().getValue("cms.preview.link-key", String.class);
    }

    /** A link row as the desk writes it; returns its signed token. */
    private static String link(long articleId, Instant expiresAt) {
        try (Connection owner = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
                PreparedStatement insert = owner.prepareStatement("""
                        INSERT INTO share_link (article_id, created_by, created_at, expires_at)
                        VALUES (?, 'writer1', ?, ?) RETURNING id""")) {
            insert.setLong(1, articleId);
            insert.setTimestamp(2, Timestamp.from(expiresAt.minus(Duration.ofDays(7))));
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new ShareToken(rs.getLong(1), articleId, expiresAt).sign(key());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void revoke(String token) {
        long id = ShareToken.verify(token, key()).orElseThrow().linkId();
        try (Connection owner = DriverManager.getConnection(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
                PreparedStatement update = owner.prepareStatement("UPDATE share_link SET revoked_at = now() WHERE id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String preview(String slug) {
        return "/api/v1/preview/articles/" + slug;
    }

    @Test
    void aLinkOpensItsDraftWithoutAKeyUntilRevoked() {
        long id = Fixtures.draft("shared-link-draft").id();
        String token = link(id, Instant.now().plus(Duration.ofDays(7)));
        given().queryParam("token", token).get(preview("shared-link-draft")).then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("preview", equalTo(true))
                .body("state", equalTo("draft"));
        revoke(token);
        given().queryParam("token", token).get(preview("shared-link-draft")).then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("Preview link revoked"));
    }

    @Test
    void anExpiredLinkIsRefusedWithTheReason() {
        long id = Fixtures.draft("shared-link-expired").id();
        String token = link(id, Instant.now().minus(Duration.ofMinutes(1)));
        given().queryParam("token", token).get(preview("shared-link-expired")).then().statusCode(401)
                .contentType("application/problem+json").body("title", equalTo("Preview link expired"));
    }

    @Test
    void aLinkOpensOnlyItsOwnArticle() {
        long id = Fixtures.draft("shared-link-own").id();
        Fixtures.draft("shared-link-other");
        String token = link(id, Instant.now().plus(Duration.ofDays(1)));
        given().queryParam("token", token).get(preview("shared-link-other")).then().statusCode(401)
                .body("title", equalTo("Preview link revoked"));
        // and never the delivery API: a draft stays missing there, token or not
        given().queryParam("token", token).get("/api/v1/articles/shared-link-own").then().statusCode(404);
    }

    @Test
    void aForgedOrMangledTokenIsRefused() {
        long id = Fixtures.draft("shared-link-forged").id();
        Instant later = Instant.now().plus(Duration.ofDays(1));
        String forged = new ShareToken(1, id, later).sign("an-attacker-key-of-thirty-two-characters");
        for (String token : new String[]{forged, "garbage", "a.b", link(id, later) + "x", "x".repeat(150)}) {
            given().queryParam("token", token).get(preview("shared-link-forged")).then().statusCode(401)
                    .contentType("application/problem+json").body("title", equalTo("Invalid preview link"));
        }
        given().queryParam("token", "x".repeat(ShareToken.MAX_LENGTH + 1)).get(preview("shared-link-forged")).then()
                .statusCode(400);
    }
}
