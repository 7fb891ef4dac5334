package health.cms.admin.share;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import health.cms.core.audit.AuditEvent;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.preview.ShareToken;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ShareLinksApiTest {

    private static String key() {
        return ConfigProvider.getConfig().getValue("cms.preview.link-key", String.class);
    }

    private static ShareToken tokenOf(Response link) {
        String url = link.jsonPath().getString("urls[0].url");
        String query = URI.create(url).getRawQuery();
        String token = java.net.URLDecoder.decode(query.substring(query.indexOf("token=") + 6),
                java.nio.charset.StandardCharsets.UTF_8);
        return ShareToken.verify(token, key()).orElseThrow(() -> new AssertionError("not a token we signed: " + url));
    }

    @Test
    void aWriterSharesADraftForSevenDaysSignedForThatArticleOnly() {
        long article = Fixtures.draft("shared-draft").id();
        Response created = writer1().post("/manage/v1/articles/" + article + "/share-links");
        created.then().statusCode(201).body("slug", equalTo("shared-draft")).body("createdBy", equalTo("writer1"))
                .body("urls[0].site", equalTo("api"))
                .body("urls[0].url", containsString("/api/v1/preview/articles/shared-draft?token="));
        ShareToken token = tokenOf(created);
        assertEquals(article, token.articleId());
        assertEquals(created.jsonPath().getLong("id"), token.linkId());
        Instant made = Instant.parse(created.jsonPath().getString("createdAt"));
        assertEquals(made.plus(Duration.ofDays(7)).getEpochSecond(), token.expiresAt().getEpochSecond());
        reviewer1().get("/manage/v1/articles/" + article + "/share-links").then().statusCode(200)
                .body("id[0]", equalTo(created.jsonPath().getInt("id")));
    }

    @Test
    void aTamperedTokenIsNotOurs() {
        long article = Fixtures.draft("shared-tampered").id();
        ShareToken token = tokenOf(writer1().post("/manage/v1/articles/" + article + "/share-links"));
        String signed = token.sign(key());
        String otherArticle = new ShareToken(token.linkId(), token.articleId() + 1, token.expiresAt()).sign(key());
        String forged = otherArticle.substring(0, otherArticle.indexOf('.')) + signed.substring(signed.indexOf('.'));
        assertTrue(ShareToken.verify(forged, key()).isEmpty(), "a payload with another article's id fails the signature");
        assertTrue(ShareToken.verify(signed, "another-key-of-at-least-thirty-two-chars").isEmpty());
    }

    @Test
    void onlyTheMakerOrAnEditorRevokesALinkAndOnce() {
        long article = Fixtures.draft("shared-revoked").id();
        long link = writer1().post("/manage/v1/articles/" + article + "/share-links").jsonPath().getLong("id");
        reviewer1().post("/manage/v1/share-links/" + link + "/revoke").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("writer1"));
        editor1().post("/manage/v1/share-links/" + link + "/revoke").then().statusCode(200)
                .body("revokedBy", equalTo("editor1")).body("revokedAt", notNullValue());
        writer1().post("/manage/v1/share-links/" + link + "/revoke").then().statusCode(409);
        writer1().post("/manage/v1/articles/987654321/share-links").then().statusCode(404);
    }

    @Test
    void makingAndRevokingALinkIsInTheAuditTrail() {
        long article = Fixtures.draft("shared-audited").id();
        long link = writer1().post("/manage/v1/articles/" + article + "/share-links").jsonPath().getLong("id");
        editor1().post("/manage/v1/share-links/" + link + "/revoke").then().statusCode(200);
        List<AuditEvent> events = QuarkusTransaction.requiringNew()
                .call(() -> Arc.container().instance(AuditLog.class).get().forSubject(AuditSubject.SHARE_LINK,
                        Long.toString(link)));
        assertEquals(List.of(ShareLinkAction.CREATE_SHARE_LINK.value(), ShareLinkAction.REVOKE_SHARE_LINK.value()),
                events.stream().map(AuditEvent::action).toList());
        assertEquals(List.of("writer1", "editor1"), events.stream().map(AuditEvent::actor).toList());
        assertTrue(events.get(0).comment().contains("shared-audited"), events.get(0).comment());
    }
}
