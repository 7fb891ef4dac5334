package health.cms.webhooks;

import static health.cms.webhooks.testing.DeliveryHarness.idsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.cms.core.outbox.Outbox.EventType;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.ReceiverTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Which outbox events become deliveries: committed ones only, of the subscribed types and categories. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class FanOutTest extends ReceiverTest {

    @Inject
    CategoryRepository categories;

    @Test
    void aRolledBackTransactionSendsNothing() {
        harness.subscribe(receiver, WebhookEvents.TYPES, List.of());
        OutboxEvents.Article rolledBack = OutboxEvents.article("wh-rollback");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.emitInCurrentTransaction(EventType.ARTICLE_PUBLISHED, 1, OutboxEvents.CATEGORY);
            throw new IllegalStateException("the caller's transaction fails after the event was recorded");
        }));
        OutboxEvents.Article control = OutboxEvents.published("wh-rollback-control");
        harness.settle();
        assertEquals(List.of(), idsFor(receiver.all(), rolledBack.id()));
        assertEquals(1, idsFor(receiver.accepted(), control.id()).size(), "the worker did run");
    }

    @Test
    void typeAndCategoryFiltersChooseWhatIsSent() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (categories.findBySlug("nutrition").isEmpty()) {
                categories.persist(new Category("nutrition", "Nutrition", null, 24, clock.instant()));
            }
        });
        harness.subscribe(receiver, List.of("article.published"), List.of("nutrition"));
        OutboxEvents.published("wh-filter-other-category");
        OutboxEvents.Article nutrition = OutboxEvents.article("wh-filter-nutrition");
        nutrition.emit(EventType.ARTICLE_PUBLISHED, 1, "nutrition");
        nutrition.emit(EventType.ARTICLE_UNPUBLISHED, 1, "nutrition");
        harness.settle();
        assertEquals(List.of("wh-filter-nutrition/article.published"),
                receiver.all().stream().map(r -> r.slug() + "/" + r.type()).toList());
    }

    @Test
    void eventsFromBeforeASubscriptionExistedAreNotSentToIt() {
        OutboxEvents.Article earlier = OutboxEvents.published("wh-before-subscription");
        clock.advance(Duration.ofSeconds(1));
        harness.subscribe(receiver, WebhookEvents.TYPES, List.of());
        OutboxEvents.Article later = OutboxEvents.published("wh-after-subscription");
        harness.settle();
        assertEquals(List.of(), idsFor(receiver.all(), earlier.id()));
        assertEquals(harness.outboxMessages(later.id()), idsFor(receiver.accepted(), later.id()));
    }
}
