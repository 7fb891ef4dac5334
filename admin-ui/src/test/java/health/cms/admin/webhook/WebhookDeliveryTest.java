package health.cms.admin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.admin.schedule.ScheduledTransitions;
import health.cms.admin.testing.MutableClock;
import health.cms.core.article.Article;
import health.cms.core.correction.ChangeClass;
import health.cms.core.taxonomy.Category;
import health.cms.core.taxonomy.CategoryRepository;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.workflow.ArticleInput;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.review.ReviewReminders;
import health.cms.workflow.testing.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

/**
 * Delivery end to end: real workflow changes, the real outbox, the real worker, and a real HTTP receiver
 * on 127.0.0.1 that checks every signature with its own code. Time moves through the test clock.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookDeliveryTest {

    private static final List<String> ALL = WebhookEvents.TYPES;

    @Inject
    Webhooks webhooks;
    @Inject
    DeliveryWorker worker;
    @Inject
    OutboxFanOut fanOut;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    DeliveryLogPruner pruner;
    @Inject
    ScheduledTransitions scheduler;
    @Inject
    ReviewReminders reminders;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    private TestReceiver receiver;

    @BeforeEach
    void receiverAndNoBacklog() throws Exception {
        Fixtures.ensureBasics();
        // events of earlier tests are fanned out before this test's subscriptions exist
        fanOut.fanOut();
        receiver = new TestReceiver(clock::instant);
    }

    @AfterEach
    void removeSubscriptions() {
        receiver.close();
        webhooks.list(Fixtures.EDITOR1).forEach(s -> webhooks.delete(Fixtures.EDITOR1, s.id()));
    }

    private SubscriptionView subscribe(TestReceiver to, List<String> types, List<String> categories) {
        IssuedSecret issued = webhooks.create(Fixtures.EDITOR1,
                new SubscriptionInput(to.url(), "test receiver", types, categories, true));
        to.trust(issued.secret());
        return issued.subscription();
    }

    /** Runs the worker, moving the clock to each next retry, until nothing can be sent any more. */
    private void settle() {
        for (int round = 0; round < 200; round++) {
            worker.deliverDue();
            Object[] next = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    SELECT count(*), min(d.next_attempt_at) FROM webhook_delivery d
                    JOIN webhook_subscription s ON s.id = d.subscription_id
                    WHERE d.state = 'pending' AND (s.enabled OR d.test)
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id
                                      AND e.article_id = d.article_id AND e.state = 'pending' AND e.id < d.id)""")
                    .getSingleResult());
            if (((Number) next[0]).longValue() == 0) {
                return;
            }
            Instant due = Sql.instant(next[1]);
            if (due.isAfter(clock.instant())) {
                clock.set(due);
            }
        }
        List<?> stuck = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT d.id || ' ' || d.article_id || ' ' || d.next_attempt_at || ' ' || coalesce(d.claimed_by, '-') || ' '
                       || coalesce(CAST(d.claimed_until AS text), '-') || ' now ' || CAST(:now AS timestamptz)
                FROM webhook_delivery d WHERE d.state = 'pending'""").setParameter("now", clock.instant()).getResultList());
        throw new AssertionError("deliveries did not settle: " + stuck);
    }

    /** The webhook-ids of an article's outbox events, in outbox order. */
    private List<String> outboxMessages(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT 'msg_' || id FROM outbox_event WHERE article_id = :id ORDER BY id", String.class)
                .setParameter("id", articleId).getResultList());
    }

    private static List<String> idsFor(List<TestReceiver.Received> received, long articleId) {
        return received.stream().filter(r -> r.json().path("data").path("id").asLong() == articleId)
                .map(TestReceiver.Received::id).toList();
    }

    private List<DeliveryView> log(SubscriptionView subscription) {
        return webhooks.deliveries(Fixtures.EDITOR1, subscription.id(), null, null, 200).deliveries();
    }

    @Test
    void everyEventArrivesSignedInOrderPerArticleAndTheLogShowsEachAttempt() {
        SubscriptionView subscription = subscribe(receiver, ALL, List.of());
        receiver.failFirst(2, 503);

        Article live = Fixtures.published("wh-order-a");
        Article edited = Fixtures.drafting().edit(Fixtures.WRITER1, live.id(), live.version(),
                Fixtures.input("wh-order-a", "Order A", "## Dose\n\nThe dose is now 10 mg."));
        Article submitted = Fixtures.transitions().apply(Fixtures.WRITER1, edited.id(), edited.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        Article updated = Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                new TransitionRequest(EditorialAction.APPROVE, null, null, ChangeClass.CLINICAL, "Dose corrected."));
        Fixtures.transitions().apply(Fixtures.EDITOR1, updated.id(), updated.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
        Article other = Fixtures.published("wh-order-b");
        settle();

        List<String> expectedA = outboxMessages(live.id());
        assertEquals(4, expectedA.size(), "published, correction, updated, unpublished");
        List<TestReceiver.Received> all = receiver.all();
        assertTrue(all.stream().allMatch(TestReceiver.Received::verified), "every request carries a valid signature");
        // each message accepted exactly once, in outbox order
        assertEquals(expectedA, idsFor(receiver.accepted(), live.id()));
        assertEquals(outboxMessages(other.id()), idsFor(receiver.accepted(), other.id()));
        // in order also while retrying: no message of the article was tried before the previous one was accepted
        List<String> triesA = idsFor(all, live.id());
        List<String> expectedTries = new ArrayList<>();
        expectedA.forEach(id -> expectedTries.addAll(List.of(id, id, id)));
        assertEquals(expectedTries, triesA);

        TestReceiver.Received published = receiver.accepted().stream().filter(r -> r.id().equals(expectedA.get(0)))
                .findFirst().orElseThrow();
        assertEquals("article.published", published.type());
        assertEquals("wh-order-a", published.slug());
        assertEquals(live.id().longValue(), published.json().path("data").path("id").asLong());
        assertEquals(1, published.json().path("data").path("revision").asInt());
        assertEquals("https://www.example.org/articles/wh-order-a", published.json().path("data").path("url").asText());
        assertEquals("treatments-therapies", published.json().path("data").path("category").asText());
        assertFalse(published.json().path("timestamp").asText().isEmpty());

        List<DeliveryView> log = log(subscription);
        assertEquals(5, log.size());
        for (DeliveryView delivery : log) {
            assertEquals("delivered", delivery.state());
            assertEquals(3, delivery.attempts());
            assertEquals(List.of("retry", "retry", "delivered"),
                    delivery.attemptLog().stream().map(DeliveryView.Attempt::outcome).toList());
            assertEquals(List.of(503, 503, 200),
                    delivery.attemptLog().stream().map(DeliveryView.Attempt::statusCode).toList());
            assertNotNull(delivery.attemptLog().get(0).nextRetryAt());
            assertTrue(delivery.attemptLog().get(1).nextRetryAt().isAfter(delivery.attemptLog().get(0).nextRetryAt()));
            assertNull(delivery.attemptLog().get(2).nextRetryAt());
            assertEquals("HTTP 503", delivery.attemptLog().get(0).error());
            assertEquals("ok", delivery.attemptLog().get(2).responseBody());
        }
        assertNotNull(webhooks.get(Fixtures.EDITOR1, subscription.id()).lastSuccessAt());
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        subscribe(receiver, ALL, List.of());
        Article submitted = Fixtures.submitted("wh-rollback");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(),
                    TransitionRequest.of(EditorialAction.APPROVE));
            throw new IllegalStateException("the caller's transaction fails after the approval");
        }));
        Article control = Fixtures.published("wh-rollback-control");
        settle();
        assertEquals(List.of(), idsFor(receiver.all(), submitted.id()));
        assertEquals(1, idsFor(receiver.accepted(), control.id()).size(), "the worker did run");
    }

    @Test
    void aScheduledPublicationIsDeliveredAsArticlePublished() {
        subscribe(receiver, List.of("article.published"), List.of());
        Article submitted = Fixtures.submitted("wh-scheduled");
        Fixtures.transitions().apply(Fixtures.REVIEWER1, submitted.id(), submitted.version(), new TransitionRequest(
                EditorialAction.APPROVE, null, clock.instant().plus(Duration.ofHours(1)), null, null));
        settle();
        assertEquals(List.of(), idsFor(receiver.all(), submitted.id()));

        clock.advance(Duration.ofHours(2));
        scheduler.runDueJobs();
        settle();
        List<TestReceiver.Received> got = receiver.accepted().stream()
                .filter(r -> r.json().path("data").path("id").asLong() == submitted.id()).toList();
        assertEquals(1, got.size());
        assertEquals("article.published", got.get(0).type());
    }

    @Test
    void typeAndCategoryFiltersChooseWhatIsSent() {
        QuarkusTransaction.requiringNew().run(() -> {
            CategoryRepository categories = Fixtures.bean(CategoryRepository.class);
            if (categories.findBySlug("nutrition").isEmpty()) {
                categories.persist(new Category("nutrition", "Nutrition", null, 24, clock.instant()));
            }
        });
        subscribe(receiver, List.of("article.published"), List.of("nutrition"));
        Fixtures.published("wh-filter-other-category");
        Article nutrition = Fixtures.drafting().create(Fixtures.WRITER1, new ArticleInput("wh-filter-nutrition",
                "Fibre", "A lead.", "## Fibre\n\nEat more.", "nutrition", List.of("anna-berg"), List.of(),
                List.of(new ArticleInput.ReferenceInput("Doe J. Fibre. BMJ. 2020;1:1.", null, null, null)), "First"));
        nutrition = Fixtures.transitions().apply(Fixtures.WRITER1, nutrition.id(), nutrition.version(),
                TransitionRequest.of(EditorialAction.SUBMIT));
        nutrition = Fixtures.transitions().apply(Fixtures.REVIEWER1, nutrition.id(), nutrition.version(),
                TransitionRequest.of(EditorialAction.APPROVE));
        Fixtures.transitions().apply(Fixtures.EDITOR1, nutrition.id(), nutrition.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
        settle();
        assertEquals(List.of("wh-filter-nutrition/article.published"),
                receiver.all().stream().map(r -> r.slug() + "/" + r.type()).toList());
    }

    @Test
    void aClientErrorStopsRetryingTheLaterEventStillGoesAndRedeliverySendsTheSameMessage() {
        SubscriptionView subscription = subscribe(receiver, ALL, List.of());
        receiver.failFirst(1, 400);
        Article live = Fixtures.published("wh-bad-request");
        Fixtures.transitions().apply(Fixtures.EDITOR1, live.id(), live.version(),
                TransitionRequest.of(EditorialAction.UNPUBLISH));
        settle();
        List<String> messages = outboxMessages(live.id());
        assertEquals(messages, idsFor(receiver.all(), live.id()), "each tried once, in order, none retried");
        List<DeliveryView> log = log(subscription);
        assertEquals(List.of("failed", "failed"), log.stream().map(DeliveryView::state).toList());
        assertEquals(400, log.get(0).lastStatusCode());
        assertEquals("HTTP 400", log.get(0).lastError());
        assertTrue(webhooks.get(Fixtures.EDITOR1, subscription.id()).enabled(), "one 4xx does not disable");

        DeliveryView firstEvent = log.get(1);
        DeliveryView again = webhooks.redeliver(Fixtures.EDITOR1, firstEvent.id());
        assertEquals(firstEvent.id(), again.redeliveryOf());
        assertEquals("pending", again.state());
        settle();
        List<TestReceiver.Received> accepted = receiver.accepted();
        assertEquals(1, accepted.size());
        assertEquals(firstEvent.messageId(), accepted.get(0).id(), "the same webhook-id, so receivers can dedupe");
        assertEquals(firstEvent.payload(), accepted.get(0).body());
        DeliveryView redelivered = webhooks.delivery(Fixtures.EDITOR1, again.id());
        assertEquals("delivered", redelivered.state());
        assertEquals("editor1", redelivered.requestedBy());
    }

    @Test
    void aSubscriptionThatAcceptsNothingForDaysIsDisabledWithAReasonAndResumesWhenEnabled() {
        SubscriptionView subscription = subscribe(receiver, List.of("article.published"), List.of());
        receiver.failFirst(Integer.MAX_VALUE, 500);
        Article first = Fixtures.published("wh-disable-1");
        settle();
        DeliveryView gaveUp = log(subscription).get(0);
        assertEquals("failed", gaveUp.state(), "given up after the retry window");
        assertTrue(gaveUp.lastError().contains("gave up after"), gaveUp.lastError());
        Duration retried = Duration.between(gaveUp.attemptLog().get(0).startedAt(),
                gaveUp.attemptLog().get(gaveUp.attempts() - 1).startedAt());
        assertTrue(retried.compareTo(Duration.ofHours(24)) >= 0, "retried for " + retried);
        assertTrue(webhooks.get(Fixtures.EDITOR1, subscription.id()).enabled(), "a day of failures is not enough");

        clock.advance(Duration.ofDays(5));
        Article second = Fixtures.published("wh-disable-2");
        settle();
        SubscriptionView disabled = webhooks.get(Fixtures.EDITOR1, subscription.id());
        assertFalse(disabled.enabled());
        assertTrue(disabled.disabledReason().startsWith("Disabled automatically"), disabled.disabledReason());
        assertTrue(disabled.disabledReason().contains("no delivery was accepted since"), disabled.disabledReason());
        assertTrue(disabled.disabledReason().contains("HTTP 500"), disabled.disabledReason());
        assertEquals(1, disabled.pendingDeliveries(), "the second event is held, not lost");
        assertTrue(disabled.version() > subscription.version());

        receiver.failFirst(0, 500);
        SubscriptionView enabled = webhooks.update(Fixtures.EDITOR1, subscription.id(), disabled.version(),
                new SubscriptionInput(receiver.url(), "fixed", List.of("article.published"), List.of(), true));
        assertTrue(enabled.enabled());
        assertNull(enabled.disabledReason());
        settle();
        assertEquals(List.of(), idsFor(receiver.accepted(), first.id()));
        assertEquals(outboxMessages(second.id()), idsFor(receiver.accepted(), second.id()));
    }

    @Test
    void goneDisablesTheSubscriptionAtOnce() {
        SubscriptionView subscription = subscribe(receiver, List.of("article.published"), List.of());
        receiver.failFirst(1, 410);
        Fixtures.published("wh-gone");
        settle();
        SubscriptionView gone = webhooks.get(Fixtures.EDITOR1, subscription.id());
        assertFalse(gone.enabled());
        assertTrue(gone.disabledReason().contains("410 Gone"), gone.disabledReason());
    }

    @Test
    void aDeliveryClaimedByAStoppedInstanceIsSentExactlyOnceMoreWhenItsLeaseRunsOut() {
        SubscriptionView subscription = subscribe(receiver, List.of("article.published"), List.of());
        Article article = Fixtures.published("wh-lease");
        fanOut.fanOut();
        List<WebhookDeliveryRepository.Claimed> stolen = QuarkusTransaction.requiringNew().call(() -> deliveries.claim(
                "stopped-instance", "token-of-the-dead", clock.instant(), Duration.ofSeconds(10), 10, 10,
                new ArrayList<>()));
        assertEquals(1, stolen.size(), "the stopped instance held the delivery");

        worker.deliverDue();
        assertEquals(List.of(), receiver.all(), "nobody touches a delivery under a live lease");

        clock.advance(Duration.ofSeconds(11));
        worker.deliverDue();
        clock.advance(Duration.ofHours(1));
        worker.deliverDue();
        assertEquals(outboxMessages(article.id()), idsFor(receiver.all(), article.id()), "sent exactly once more");

        DeliveryView delivery = log(subscription).get(0);
        assertEquals("delivered", delivery.state());
        assertEquals(List.of("interrupted", "delivered"),
                delivery.attemptLog().stream().map(DeliveryView.Attempt::outcome).toList());
        assertEquals("stopped-instance", delivery.attemptLog().get(0).instance());
        assertEquals(worker.instance(), delivery.attemptLog().get(1).instance());
    }

    @Test
    void twoInstancesClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
        subscribe(receiver, List.of("article.published"), List.of());
        for (int i = 0; i < 12; i++) {
            Fixtures.published("wh-claim-race-" + i);
        }
        fanOut.fanOut();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<List<WebhookDeliveryRepository.Claimed>>> claims = new ArrayList<>();
        for (String instance : List.of("instance-a", "instance-b")) {
            Callable<List<WebhookDeliveryRepository.Claimed>> claim = () -> {
                start.await();
                return QuarkusTransaction.requiringNew().call(() -> deliveries.claim(instance, instance, clock.instant(),
                        Duration.ofSeconds(10), 8, 100, new ArrayList<>()));
            };
            claims.add(instances.submit(claim));
        }
        start.countDown();
        List<Long> a = claims.get(0).get().stream().map(WebhookDeliveryRepository.Claimed::id).toList();
        List<Long> b = claims.get(1).get().stream().map(WebhookDeliveryRepository.Claimed::id).toList();
        instances.shutdown();
        Set<Long> union = new HashSet<>(a);
        union.addAll(b);
        assertEquals(a.size() + b.size(), union.size(), "no delivery claimed twice: " + a + " / " + b);
        assertEquals(12, union.size(), "between them they took all twelve");
        clock.advance(Duration.ofSeconds(11));
        settle();
    }

    @Test
    void aSlowReceiverHoldsAtMostItsShareOfTheSendersAndDoesNotHoldUpTheOthers() throws Exception {
        try (TestReceiver slow = new TestReceiver(clock::instant)) {
            SubscriptionView slowSubscription = subscribe(slow.answerAfter(Duration.ofMillis(1500)),
                    List.of("article.published"), List.of());
            subscribe(receiver, List.of("article.published"), List.of());
            for (int i = 0; i < 6; i++) {
                Fixtures.published("wh-slow-" + i);
            }
            long started = System.nanoTime();
            Thread round = new Thread(worker::deliverDue);
            round.start();
            while (receiver.accepted().size() < 6 && System.nanoTime() - started < 10_000_000_000L) {
                Thread.sleep(20);
            }
            Duration fastDone = Duration.ofNanos(System.nanoTime() - started);
            round.join();
            assertEquals(6, receiver.accepted().size());
            assertTrue(fastDone.compareTo(Duration.ofMillis(1200)) < 0, "the fast receiver waited " + fastDone);
            assertEquals(6, slow.accepted().size());
            assertEquals(4, slow.mostInFlight(), "at most max-in-flight-per-subscription requests to one receiver");
            assertTrue(log(slowSubscription).stream().allMatch(d -> d.state().equals("delivered")));
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsRetriedLaterAndCounted() throws Exception {
        try (TestReceiver silent = new TestReceiver(clock::instant)) {
            SubscriptionView subscription = subscribe(silent.answerAfter(Duration.ofMillis(3500)),
                    List.of("article.published"), List.of());
            Fixtures.published("wh-timeout");
            worker.deliverDue();
            DeliveryView delivery = log(subscription).get(0);
            assertEquals("pending", delivery.state(), "a timeout is retried");
            assertEquals("timed out: no answer within 2 s", delivery.lastError());
            assertTrue(delivery.attemptLog().get(0).durationMs() >= 2000);
            assertNotNull(delivery.nextAttemptAt());
            RestAssured.get("/q/metrics").then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("cms_webhooks_delivery_failures_total{outcome=\"retry\","
                            + "subscription=\"" + subscription.id() + "\"} 1.0"))
                    .body(org.hamcrest.Matchers
                            .containsString("cms_webhooks_attempt_duration_seconds_count{outcome=\"retry\"}"))
                    .body(org.hamcrest.Matchers.containsString("cms_webhooks_delivery_latency_seconds"))
                    .body(org.hamcrest.Matchers.containsString("cms_webhooks_deliveries_pending"));
        }
    }

    @Test
    void aClaimStaysFastWhenTheQueueStatisticsAreStale() throws Exception {
        SubscriptionView subscription = subscribe(receiver, List.of("article.published"), List.of());
        // a quiet period: claims run against an empty queue, and PostgreSQL settles on a generic plan for it
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE webhook_delivery");
        }
        for (int i = 0; i < 10; i++) {
            QuarkusTransaction.requiringNew().call(() -> deliveries.claim("stale-statistics", "t", clock.instant(),
                    Duration.ofSeconds(10), 16, 4, new ArrayList<>()));
        }
        // then a backlog arrives before the next ANALYZE
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO webhook_delivery (subscription_id, message_id, event_type, article_id, slug, payload,
                        state, next_attempt_at, created_at)
                    SELECT %d, 'msg_stale_' || g, 'article.published', 1000000 + g, 'stale-' || g, '{}', 'pending',
                        now() - interval '1 hour', now()
                    FROM generate_series(1, 500) g""".formatted(subscription.id()));
        }
        long started = System.nanoTime();
        List<WebhookDeliveryRepository.Claimed> claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claim(
                "stale-statistics", "t", clock.instant(), Duration.ofSeconds(10), 16, 4, new ArrayList<>()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(4, claimed.size());
        // a plan made for an empty queue used to search the candidates once per pending row: 31 s here
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "a claim took " + took);
    }

    @Test
    void reviewDueAndOverdueAreEmittedOncePerReviewCycle() {
        subscribe(receiver, List.of("article.review-due", "article.review-overdue"), List.of());
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
                .call(() -> Fixtures.bean(health.cms.core.article.ArticleRepository.class).findById(live.id()));
        Fixtures.transitions().apply(Fixtures.REVIEWER1, live.id(), current.version(),
                TransitionRequest.of(EditorialAction.RECERTIFY, "Still right."));
        reminders.emitReached();
        assertEquals(2, reviewEvents(live.id()).size(), "a recertified article is current again");
        clock.advance(Duration.ofDays(340));
        reminders.emitReached();
        assertEquals(List.of("article.review-due", "article.review-overdue", "article.review-due"),
                reviewEvents(live.id()), "the next cycle announces again");

        settle();
        assertEquals(List.of("article.review-due", "article.review-overdue", "article.review-due"),
                receiver.accepted().stream().filter(r -> r.slug().equals("wh-review")).map(TestReceiver.Received::type)
                        .toList());
    }

    private List<String> reviewEvents(long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT event_type FROM outbox_event WHERE article_id = :id AND event_type LIKE 'article.review-%'
                ORDER BY id""", String.class).setParameter("id", articleId).getResultList());
    }

    @Test
    void finishedDeliveriesArePrunedAfterTheRetentionButPendingOnesStay() {
        SubscriptionView subscription = subscribe(receiver, List.of("article.published"), List.of());
        Fixtures.published("wh-prune-delivered");
        settle();
        receiver.failFirst(Integer.MAX_VALUE, 503);
        Fixtures.published("wh-prune-pending");
        worker.deliverDue();
        assertEquals(2, log(subscription).size());

        clock.advance(Duration.ofDays(31));
        assertTrue(pruner.prune() >= 1);
        List<DeliveryView> left = log(subscription);
        assertEquals(List.of("pending"), left.stream().map(DeliveryView::state).toList());
        assertEquals("wh-prune-pending", left.get(0).slug());
    }
}
