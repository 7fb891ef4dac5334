package health.cms.admin.webhook;

import static health.cms.admin.testing.ManageApi.submitted;
import static health.cms.admin.testing.ManageApi.transition;
import static health.cms.admin.testing.Tokens.editor1;
import static health.cms.admin.testing.Tokens.reviewer1;
import static health.cms.admin.testing.Tokens.writer1;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.DeliveryWorker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhooksApiTest extends WithReceiver {

    private static final String WEBHOOKS = "/manage/v1/webhooks";

    @Inject
    DeliveryWorker worker;

    private Map<String, Object> body(String description) {
        return Map.of("url", receiver.url(), "description", description, "eventTypes", List.of("article.published"));
    }

    private Response create() {
        Response created = editor1().body(body("Partner site")).post(WEBHOOKS);
        created.then().statusCode(201);
        receiver.trust(created.jsonPath().getString("secret"));
        return created;
    }

    @Test
    void onlyEditorsManageWebhooks() {
        writer1().body(body("x")).post(WEBHOOKS).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("editor"));
        reviewer1().body(body("x")).post(WEBHOOKS).then().statusCode(403);
        writer1().get(WEBHOOKS).then().statusCode(403);
        long id = create().jsonPath().getLong("subscription.id");
        writer1().get(WEBHOOKS + "/" + id).then().statusCode(403);
        writer1().post(WEBHOOKS + "/" + id + "/test").then().statusCode(403);
        writer1().post(WEBHOOKS + "/" + id + "/rotate-secret").then().statusCode(403);
        writer1().get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(403);
        writer1().delete(WEBHOOKS + "/" + id).then().statusCode(403);
    }

    @Test
    void editorsCreateReadUpdateAndDeleteWithVersionChecksAndTheSecretIsShownOnce() {
        Response created = create();
        created.then().header("Location", containsString(WEBHOOKS + "/")).header("ETag", notNullValue())
                .body("secret", startsWith("whsec_")).body("subscription.url", equalTo(receiver.url()))
                .body("subscription.eventTypes", equalTo(List.of("article.published")))
                .body("subscription.categories", equalTo(List.of())).body("subscription.enabled", equalTo(true))
                .body("subscription.createdBy", equalTo("editor1"));
        long id = created.jsonPath().getLong("subscription.id");
        String etag = created.header("ETag");

        Response read = editor1().get(WEBHOOKS + "/" + id);
        read.then().statusCode(200).header("ETag", equalTo(etag)).body("description", equalTo("Partner site"));
        assertTrue(!read.asString().contains("whsec_"), "the secret is never shown again");
        editor1().get(WEBHOOKS).then().statusCode(200).body("id", hasItems((int) id))
                .body(not(containsString("whsec_")));

        editor1().body(body("Renamed")).put(WEBHOOKS + "/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        String newEtag = editor1().header("If-Match", etag).body(body("Renamed")).put(WEBHOOKS + "/" + id).then()
                .statusCode(200).body("description", equalTo("Renamed")).extract().header("ETag");
        assertNotEquals(etag, newEtag);
        editor1().header("If-Match", etag).body(body("Stale")).put(WEBHOOKS + "/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        editor1().header("If-Match", newEtag).body(Map.of("url", receiver.url(), "eventTypes",
                List.of("article.published"), "enabled", false)).put(WEBHOOKS + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(false)).body("disabledReason", startsWith("Disabled by editor1"));

        editor1().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        editor1().get(WEBHOOKS + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidSubscriptionsAreRefusedWithFieldErrors() {
        editor1().body(Map.of("url", "ftp://example.org/hook", "eventTypes", List.of("article.deleted"), "categories",
                List.of("no-such-category"))).post(WEBHOOKS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("url", "eventTypes", "categories"))
                .body("errors.find { it.field == 'url' }.message", equalTo("must be an http or https URL"))
                .body("errors.find { it.field == 'eventTypes' }.message", containsString("article.deleted"));
        editor1().body(Map.of()).post(WEBHOOKS).then().statusCode(400).body("errors.field", hasItems("url", "eventTypes"));
        editor1().body("{\"url\": 5, ").post(WEBHOOKS).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theTestButtonSendsASignedTestEventAndShowsTheAnswer() {
        long id = create().jsonPath().getLong("subscription.id");
        editor1().post(WEBHOOKS + "/" + id + "/test").then().statusCode(200)
                .body("eventType", equalTo("webhook.test")).body("test", equalTo(true))
                .body("state", equalTo("delivered")).body("messageId", startsWith("msg_test_"))
                .body("attemptLog[0].statusCode", equalTo(200)).body("attemptLog[0].outcome", equalTo("delivered"));
        assertEquals(1, receiver.verifiedTypes().size());
        assertEquals("webhook.test", receiver.verifiedTypes().get(0));
    }

    @Test
    void rotatingTheSecretShowsTheNewOneOnceAndTheOldOneKeepsWorkingForTheGraceTime() {
        Response created = create();
        long id = created.jsonPath().getLong("subscription.id");
        String old = created.jsonPath().getString("secret");
        Response rotated = editor1().post(WEBHOOKS + "/" + id + "/rotate-secret");
        rotated.then().statusCode(200).body("secret", startsWith("whsec_"))
                .body("subscription.previousSecretValidUntil", notNullValue());
        String fresh = rotated.jsonPath().getString("secret");
        assertNotEquals(old, fresh);

        receiver.trust(old);
        editor1().post(WEBHOOKS + "/" + id + "/test").then().body("state", equalTo("delivered"));
        receiver.trust(fresh);
        editor1().post(WEBHOOKS + "/" + id + "/test").then().body("state", equalTo("delivered"));

        clock.advance(Duration.ofHours(25));
        receiver.trust(old);
        editor1().post(WEBHOOKS + "/" + id + "/test").then().body("state", equalTo("failed"))
                .body("lastStatusCode", equalTo(401)).body("lastError", equalTo("HTTP 401"));
    }

    @Test
    void theDeliveryLogPagesAndAnyDeliveryCanBeRedelivered() {
        long id = create().jsonPath().getLong("subscription.id");
        for (String slug : List.of("api-log-1", "api-log-2")) {
            String[] article = submitted(slug);
            transition(reviewer1(), Long.parseLong(article[0]), article[1], "approve", Map.of()).then().statusCode(200);
        }
        worker.deliverDue();

        Response page = editor1().get(WEBHOOKS + "/" + id + "/deliveries?limit=1");
        page.then().statusCode(200).body("deliveries.size()", equalTo(1)).body("nextBefore", notNullValue())
                .body("deliveries[0].slug", equalTo("api-log-2")).body("deliveries[0].state", equalTo("delivered"))
                .body("deliveries[0].attempts", equalTo(1)).body("deliveries[0].attemptLog[0].statusCode", equalTo(200))
                .body("deliveries[0].attemptLog[0].durationMs", notNullValue())
                .body("deliveries[0].nextAttemptAt", nullValue());
        long before = page.jsonPath().getLong("nextBefore");
        editor1().get(WEBHOOKS + "/" + id + "/deliveries?limit=1&before=" + before).then()
                .body("deliveries[0].slug", equalTo("api-log-1")).body("nextBefore", nullValue());
        editor1().get(WEBHOOKS + "/" + id + "/deliveries?state=failed").then().body("deliveries.size()", equalTo(0));
        editor1().get(WEBHOOKS + "/" + id + "/deliveries?state=bogus").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        editor1().get(WEBHOOKS + "/" + id + "/deliveries?limit=0").then().statusCode(400);

        long deliveryId = page.jsonPath().getLong("deliveries[0].id");
        writer1().post(WEBHOOKS + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(403);
        editor1().post(WEBHOOKS + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                .header("Location", containsString("/deliveries/")).body("redeliveryOf", equalTo((int) deliveryId))
                .body("state", equalTo("pending"));
        worker.deliverDue();
        assertEquals(List.of("article.published", "article.published", "article.published"), receiver.verifiedTypes());
        editor1().post(WEBHOOKS + "/deliveries/999999/redeliver").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
