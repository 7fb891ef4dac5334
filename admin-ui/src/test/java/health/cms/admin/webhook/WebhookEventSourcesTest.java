package health.cms.admin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.schedule.ScheduledTransitions;
import health.cms.core.article.Article;
import health.cms.core.article.ArticleRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.DeliveryHarness;
import health.cms.webhooks.testing.ReceiverTest;
import health.cms.webhooks.testing.TestReceiver;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.review.ReviewReminders;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The desk's own sources of webhook events, delivered by the embedded webhooks module: the scheduler's
 * publications and the re-review reminders (the engine itself is tested in the webhooks module).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookEventSourcesTest extends ReceiverTest {

    @Inject
    ScheduledTransitions scheduler;
    @Inject
    ReviewReminders reminders;
    @Inject
    EntityManager em;

    @BeforeEach
    void basics() {
        Fixtures.ensureBasics();
    }

    @Test
    void aScheduledPublicationIsDeliveredAsArticlePublished() {
        harness.subscribe(receiver, List.of("article.published"), List.of());
        Article submitted = Fixtures.submitted("wh-scheduled");
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, clock.instant().plus(Duration.ofHours(1)), null, null));
        harness.settle();
        assertEquals(List.of(), DeliveryHarness.idsFor(receiver.all(), submitted.id()));

        clock.advance(Duration.ofHours(2));
        scheduler.runDueJobs();
        harness.settle();
        List<TestReceiver.Received> got = receiver.accepted().stream()
                .filter(r -> r.json().path("data").path("id").asLong() == submitted.id()).toList();
        assertEquals(1, got.size());
        assertEquals("article.published", got.get(0).type());
    }

    @Test
    void reviewDueAndOverdueAreEmittedOncePerReviewCycle() {
        harness.subscribe(receiver, List.of("article.review-due", "article.review-overdue"), List.of());
        Article live = Fixtures.published("wh-review");
        reminders.emitReached();
        assertEquals(List.of(), reviewEvents(live.id()), "a fresh review is current");

        clock.advance(Duration.ofDays(340));
        reminders.emitReached();
        reminders.emitReached();
        assertEquals(List.of("article.review-due"), reviewEvents(live.id()));

        clock.advance(Duration.ofDays(30));
        reminders.emitReached();
        reminders.emitReached();
        assertEquals(List.of("article.review-due", "article.review-overdue"), reviewEvents(live.id()));

        Article current = QuarkusTransaction.requiringNew()
                .call(() -> Fixtures.bean(ArticleRepository.class).findById(live.id()));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, live.id(), current.version(),
                TransitionRequest.of(EditorialAction.RECERTIFY, "Still right."));
        reminders.emitReached();
        assertEquals(2, reviewEvents(live.id()).size(), "a recertified article is current again");
        clock.advance(Duration.ofDays(340));
        reminders.emitReached();
        assertEquals(List.of("article.review-due", "article.review-overdue", "article.review-due"),
                reviewEvents(live.id()), "the next cycle announces again");

        harness.settle();
        assertEquals(List.of("article.review-due", "article.review-overdue", "article.review-due"),
                receiver.accepted().stream().filter(r -> r.slug().equals("wh-review")).map(TestReceiver.Received::type)
                        .toList());
    }

    private List<String> reviewEvents(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT event_type FROM outbox_event WHERE article_id = :id AND event_type LIKE 'article.review-%'
                ORDER BY id""", String.class).setParameter("id", articleId).getResultList());
    }
}
