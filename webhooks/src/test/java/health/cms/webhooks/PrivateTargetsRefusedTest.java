package health.cms.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import health.cms.core.refusal.Refusal;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MutableClock;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.TestReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The SSRF guard with its production setting: private targets are refused. */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedTest.ProductionTargets.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
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
    WebhookSubscriptions webhooks;
    @Inject
    MutableClock clock;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8081/manage/v1/articles", "http://localhost/hook", "http://10.0.0.5/hook",
            "https://192.168.1.10/hook", "http://172.20.0.2/hook", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/hook", "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://0.0.0.0:8081/"})
    void loopbackPrivateAndLinkLocalTargetsAreRefusedWithAFieldError(String url) {
        Refusal.Invalid refused = assertThrows(Refusal.Invalid.class, () -> webhooks.create("editor1",
                new SubscriptionInput(url, null, List.of("article.published"), List.of(), true)));
        assertEquals(List.of("url"), List.copyOf(refused.fieldErrors().keySet()));
        assertTrue(refused.fieldErrors().get("url").contains("loopback, link-local or private address"),
                refused.fieldErrors().get("url"));
        assertEquals(List.of(), webhooks.list(), "nothing was saved");
    }

    @Test
    void aTargetThatIsPrivateAtDeliveryTimeIsNotContacted() throws Exception {
        try (TestReceiver receiver = new TestReceiver(clock::instant)) {
            // as if the name resolved to a public address when saved and DNS changed since
            long id = QuarkusTransaction.requiringNew().call(() -> {
                WebhookSubscription sneaky = new WebhookSubscription(receiver.url(), null, List.of("article.published"),
                        List.of(), true, WebhookSignatures.newSecret(), "editor1", clock.instant());
                subscriptions.persist(sneaky);
                return sneaky.id();
            });
            OutboxEvents.Article article = OutboxEvents.published("ssrf-at-delivery");
            worker.deliverDue();
            assertEquals(List.of(), receiver.all(), "the receiver was never contacted");
            DeliveryView delivery = webhooks.deliveries(id, null, null, 10).deliveries().get(0);
            assertEquals(article.id(), delivery.articleId());
            assertEquals("failed", delivery.state());
            assertTrue(delivery.lastError().startsWith("target refused: host '127.0.0.1'"), delivery.lastError());
            webhooks.delete(id);
        }
    }
}
