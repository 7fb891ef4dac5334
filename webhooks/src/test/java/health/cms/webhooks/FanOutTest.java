package health.cms.webhooks;

import static health.cms.webhooks.testing.DeliveryHarness.idsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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

    @Test
    void anEventNamesTheArticlesLocaleAndATranslationsSource() {
        harness.subscribe(receiver, List.of("article.published"), List.of());
        OutboxEvents.Article source = OutboxEvents.published("wh-locale-source");
        OutboxEvents.Article german = OutboxEvents.translation("wh-locale-uebersetzung", "de", source);
        // recorded before events carried their language: taken from the article rows
        german.emit(EventType.ARTICLE_PUBLISHED, 1, OutboxEvents.CATEGORY);
        OutboxEvents.Article spanish = OutboxEvents.translation("wh-locale-traduccion", "es", source);
        // as core's outbox records it: the facts of the moment win over the rows (the source was renamed since)
        spanish.emit(EventType.ARTICLE_PUBLISHED, 1, OutboxEvents.CATEGORY, "{\"locale\": \"es\", \"sourceId\": "
                + source.id() + ", \"sourceSlug\": \"wh-locale-old-name\", \"sourceLocale\": \"en\"}");
        harness.settle();

        JsonNode sourceData = receiver.all().stream().filter(r -> r.slug().equals(source.slug())).findFirst()
                .orElseThrow().json().path("data");
        assertEquals("en", sourceData.path("locale").asText());
        assertTrue(sourceData.has("source") && sourceData.path("source").isNull(), sourceData.toString());

        JsonNode germanData = receiver.all().stream().filter(r -> r.slug().equals(german.slug())).findFirst()
                .orElseThrow().json().path("data");
        assertEquals("de", germanData.path("locale").asText());
        assertEquals(source.id(), germanData.path("source").path("id").asLong());
        assertEquals("wh-locale-source", germanData.path("source").path("slug").asText());
        assertEquals("en", germanData.path("source").path("locale").asText());
        assertEquals("https://www.example.org/articles/wh-locale-source", germanData.path("source").path("url").asText());

        JsonNode spanishData = receiver.all().stream().filter(r -> r.slug().equals(spanish.slug())).findFirst()
                .orElseThrow().json().path("data");
        assertEquals("es", spanishData.path("locale").asText());
        assertEquals("wh-locale-old-name", spanishData.path("source").path("slug").asText());
    }
}
