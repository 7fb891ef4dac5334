package health.cms.webhooks;

import static health.cms.webhooks.testing.DeliveryHarness.idsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
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

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.webhooks.testing.OutboxEvents;
import health.cms.webhooks.testing.ReceiverTest;
import health.cms.webhooks.testing.TestReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Claims under a lease: how instances share deliveries, take over a stopped one's, and stay fast. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DeliveryClaimTest extends ReceiverTest {

    @Inject
    DeliveryWorker worker;
    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeliveryClaimedByAStoppedInstanceIsSentExactlyOnceMoreWhenItsLeaseRunsOut() {
        SubscriptionView subscription = harness.subscribe(receiver, List.of("article.published"), List.of());
        OutboxEvents.Article article = OutboxEvents.published("wh-lease");
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
        assertEquals(harness.outboxMessages(article.id()), idsFor(receiver.all(), article.id()),
                "sent exactly once more");

        DeliveryView delivery = harness.log(subscription).get(0);
        assertEquals("delivered", delivery.state());
        assertEquals(List.of("interrupted", "delivered"),
                delivery.attemptLog().stream().map(DeliveryView.Attempt::outcome).toList());
        assertEquals("stopped-instance", delivery.attemptLog().get(0).instance());
        assertEquals(worker.instance(), delivery.attemptLog().get(1).instance());
    }

    @Test
    void twoInstancesClaimingAtOnceNeverTakeTheSameDelivery() throws Exception {
        harness.subscribe(receiver, List.of("article.published"), List.of());
        for (int i = 0; i < 12; i++) {
            OutboxEvents.published("wh-claim-race-" + i);
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
        harness.settle();
    }

    @Test
    void aSlowReceiverHoldsAtMostItsShareOfTheSendersAndDoesNotHoldUpTheOthers() throws Exception {
        try (TestReceiver slow = new TestReceiver(clock::instant)) {
            SubscriptionView slowSubscription = harness.subscribe(slow.answerAfter(Duration.ofMillis(1500)),
                    List.of("article.published"), List.of());
            harness.subscribe(receiver, List.of("article.published"), List.of());
            for (int i = 0; i < 6; i++) {
                OutboxEvents.published("wh-slow-" + i);
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
            assertTrue(harness.log(slowSubscription).stream().allMatch(d -> d.state().equals("delivered")));
        }
    }

    @Test
    void aClaimStaysFastWhenTheQueueStatisticsAreStale() throws Exception {
        SubscriptionView subscription = harness.subscribe(receiver, List.of("article.published"), List.of());
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
}
