package health.cms.admin.webhook;

import static health.cms.admin.testing.DeskForms.form;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.DeliveryView;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookPagesTest extends WithReceiver {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\" class=\"secret\" readonly value=\"(whsec_[^\"]+)\"");

    private String create() {
        String page = form("editor1").formParam("url", receiver.url()).formParam("description", "Website cache purge")
                .formParam("eventTypes", "article.published").formParam("eventTypes", "article.updated")
                .formParam("enabled", "true")
                .post("/webhooks")
                .then().statusCode(200)
                .body(containsString("This is the only time the secret is shown"))
                .extract().asString();
        Matcher secret = SECRET.matcher(page);
        assertTrue(secret.find(), page);
        receiver.trust(secret.group(1));
        return secret.group(1);
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void anEditorCreatesASubscriptionSeesTheSecretOnceAndSendsATestEvent() {
        String secret = create();
        long id = webhooks.list(Fixtures.EDITOR1).get(0).id();
        given().get("/webhooks").then().statusCode(200)
                .body(containsString(receiver.url()))
                .body(not(containsString(secret)));
        given().get("/webhooks/" + id).then().statusCode(200)
                .body(containsString("Delivery log"))
                .body(not(containsString(secret)));

        String location = form("editor1").post("/webhooks/" + id + "/test")
                .then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/webhooks/deliveries/\\d+\\?done=test"), location);
        given().redirects().follow(false).get(location).then().statusCode(200)
                .body(containsString("Test event sent"))
                .body(containsString("webhook.test"))
                .body(containsString("<td>200</td>"));
        assertEquals(List.of("webhook.test"), receiver.verifiedTypes());
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void aTargetThatIsNotHttpIsRefusedBesideTheFieldWithTheTypedUrlKept() {
        form("editor1").formParam("url", "ftp://example.org/hook").formParam("eventTypes", "article.published")
                .post("/webhooks")
                .then().statusCode(400)
                .body(containsString("id=\"f-url-error\""))
                .body(containsString("value=\"ftp://example.org/hook\""));
        assertTrue(webhooks.list(Fixtures.EDITOR1).isEmpty());
    }

    @Test
    @TestSecurity(user = "editor1", roles = "editor")
    void rotatingShowsANewSecretAndTheLogListsDeliveriesWithRedelivery() {
        String first = create();
        long id = webhooks.list(Fixtures.EDITOR1).get(0).id();
        String rotated = form("editor1").post("/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                .body(containsString("New signing secret")).extract().asString();
        Matcher secret = SECRET.matcher(rotated);
        assertTrue(secret.find());
        assertTrue(!secret.group(1).equals(first), "a new secret");

        DeliveryView test = webhooks.sendTest(Fixtures.EDITOR1, id);
        form("editor1").post("/webhooks/deliveries/" + test.id() + "/redeliver")
                .then().statusCode(303)
                .header("Location", matchesPattern(".*/webhooks/deliveries/\\d+\\?done=redeliver"));
        given().get("/webhooks/" + id + "?state=pending").then().statusCode(200).body(containsString("(redelivery)"));
    }

    @Test
    @TestSecurity(user = "writer1", roles = "writer")
    void aWriterCannotSeeOrCreateSubscriptions() {
        given().get("/webhooks").then().statusCode(403);
        form("writer1").formParam("url", receiver.url()).formParam("eventTypes", "article.published").post("/webhooks")
                .then().statusCode(403);
        assertTrue(webhooks.list(Fixtures.EDITOR1).isEmpty());
    }
}
