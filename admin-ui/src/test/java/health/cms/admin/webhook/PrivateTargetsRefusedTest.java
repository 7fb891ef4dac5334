package health.cms.admin.webhook;

import static health.cms.admin.testing.Tokens.editor1;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import health.cms.admin.testing.MutableClock;
import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The SSRF guard with its production setting: private targets are refused. */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedTest.ProductionTargets.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class PrivateTargetsRefusedTest {

    /** As in production: {@code cms.webhooks.allow-private-targets=false}. */
    public static class ProductionTargets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cms.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    DeliveryWorker worker;
    @Inject
    WebhookSubscriptionRepository subscriptions;
    @Inject
    Webhooks webhooks;
    @Inject
    MutableClock clock;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/manage/v1/articles", "http://localhost/hook", "http://10.0.0.5/hook",
            "https://192.168.1.10/hook", "http://172.20.0.2/hook", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://0.0.0.0:8081/"})
    void loopbackPrivateAndLinkLocalTargetsAreRefusedWithAProblem(String url) {
        Fixtures.ensureBasics();
        editor1().body(Map.of("url", url, "eventTypes", List.of("article.published"))).post("/manage/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", containsString("loopback, link-local or private address"));
    }

    @Test
    void aTargetThatIsPrivateAtDeliveryTimeIsNotContacted() throws Exception {
        Fixtures.ensureBasics();
        try (TestReceiver receiver = new TestReceiver(clock::instant)) {
            // as if the name resolved to a public address when saved and DNS changed since
            long id = QuarkusTransaction.requiringNew().call(() -> {
                WebhookSubscription sneaky = new WebhookSubscription(receiver.url(), null, List.of("article.published"),
                        List.of(), true, WebhookSignatures.newSecret(), "editor1", clock.instant());
                subscriptions.persist(sneaky);
                return sneaky.id();
            });
            Article article = Fixtures.published("ssrf-at-delivery");
            worker.deliverDue();
            assertEquals(List.of(), receiver.all(), "the receiver was never contacted");
            DeliveryView delivery = webhooks.deliveries(Fixtures.EDITOR1, id, null, null, 10).deliveries().get(0);
            assertEquals(article.id(), delivery.articleId());
            assertEquals("failed", delivery.state());
            assertTrue(delivery.lastError().startsWith("target refused: host '127.0.0.1'"), delivery.lastError());
            webhooks.delete(Fixtures.EDITOR1, id);
        }
    }
}
