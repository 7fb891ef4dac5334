package health.cms.admin.apikey;

import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import health.cms.core.apikey.ApiKeySecret;
import health.cms.core.audit.AuditLog;
import health.cms.core.audit.AuditSubject;
import health.cms.core.testing.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiKeysApiTest {

    private static final String KEYS = "/manage/v1/api-keys";

    @Inject
    EntityManager entities;
    @Inject
    AuditLog audit;

    private static Response create(String name, String scope) {
        Response created = editor1().body(Map.of("name", name, "scope", scope)).post(KEYS);
        created.then().statusCode(201);
        return created;
    }

    private String storedHash(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entities
                .createNativeQuery("SELECT key_hash FROM api_key WHERE id = :id").setParameter("id", id).getSingleResult());
    }

    @Test
    void onlyEditorsManageApiKeys() {
        writer1().body(Map.of("name", "x", "scope", "delivery")).post(KEYS).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("editor"));
        reviewer1().get(KEYS).then().statusCode(403);
        long id = create("Partner", "delivery").jsonPath().getLong("apiKey.id");
        writer1().get(KEYS + "/" + id).then().statusCode(403);
        writer1().header("If-Match", "\"0\"").post(KEYS + "/" + id + "/rotate").then().statusCode(403);
        writer1().header("If-Match", "\"0\"").post(KEYS + "/" + id + "/revoke").then().statusCode(403);
    }

    @Test
    void theKeyIsShownOnceAndOnlyItsHashIsStored() {
        Response created = create("partner.example production", "preview");
        String key = created.jsonPath().getString("key");
        long id = created.jsonPath().getLong("apiKey.id");
        created.then().header("Location", containsString(KEYS + "/" + id)).header("ETag", notNullValue())
                .body("key", startsWith(ApiKeySecret.MARK)).body("apiKey.scope", equalTo("preview"))
                .body("apiKey.keyPrefix", equalTo(key.substring(0, 12))).body("apiKey.requestCount", equalTo(0))
                .body("apiKey.createdBy", equalTo("editor1"));
        assertEquals(47, key.length(), "cms_ and 256 random bits in base64url");

        assertEquals(ApiKeySecret.hash(key), storedHash(id));
        editor1().get(KEYS + "/" + id).then().statusCode(200).body(not(containsString(key)));
        editor1().get(KEYS).then().statusCode(200).body("id", hasItem((int) id)).body(not(containsString(key)));
    }

    @Test
    void rotationIssuesANewKeyUnderIfMatchAndForgetsTheOldHash() {
        Response created = create("Rotating partner", "delivery");
        String oldKey = created.jsonPath().getString("key");
        long id = created.jsonPath().getLong("apiKey.id");
        String etag = created.header("ETag");

        editor1().post(KEYS + "/" + id + "/rotate").then().statusCode(428).contentType("application/problem+json");
        editor1().header("If-Match", "\"7\"").post(KEYS + "/" + id + "/rotate").then().statusCode(412)
                .contentType("application/problem+json");
        Response rotated = editor1().header("If-Match", etag).post(KEYS + "/" + id + "/rotate");
        rotated.then().statusCode(200).body("apiKey.rotatedAt", notNullValue());
        String newKey = rotated.jsonPath().getString("key");
        assertNotEquals(oldKey, newKey);
        assertEquals(ApiKeySecret.hash(newKey), storedHash(id), "the old key's hash is gone, so the api refuses it");
        assertNotEquals(etag, rotated.header("ETag"));
    }

    @Test
    void aRevokedKeyStaysListedCannotBeRotatedAndEveryChangeIsAudited() {
        Response created = create("Former partner", "delivery");
        long id = created.jsonPath().getLong("apiKey.id");
        String etag = editor1().header("If-Match", created.header("ETag")).post(KEYS + "/" + id + "/revoke").then()
                .statusCode(200)
                .body("revokedBy", equalTo("editor1")).body("active", equalTo(false)).extract().header("ETag");
        editor1().header("If-Match", etag).post(KEYS + "/" + id + "/rotate").then().statusCode(409)
                .body("detail", containsString("revoked"));
        editor1().header("If-Match", etag).post(KEYS + "/" + id + "/revoke").then().statusCode(409);
        editor1().get(KEYS + "/" + id).then().statusCode(200).body("revokedAt", notNullValue());

        List<String> actions = audit.forSubject(AuditSubject.API_KEY, Long.toString(id)).stream()
                .map(event -> event.action()).toList();
        assertEquals(List.of("create-api-key", "revoke-api-key"), actions);
    }

    @Test
    void aKeyWithoutNameOrWithAnUnknownScopeIsRefusedFieldByField() {
        editor1().body(Map.of("name", " ", "scope", "admin")).post(KEYS).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", containsInAnyOrder("name", "scope"))
                .body("errors.find { it.field == 'scope' }.message", containsString("delivery or preview"));
        editor1().body(Map.of("name", "x".repeat(201), "scope", "delivery")).post(KEYS).then().statusCode(400);
        editor1().body(Map.of("name", "x".repeat(101), "scope", "delivery")).post(KEYS).then().statusCode(400)
                .body("errors[0].message", containsString("100"));
        assertTrue(editor1().get(KEYS).jsonPath().getList("name").stream().noneMatch(n -> ((String) n).startsWith("xxx")));
    }
}
