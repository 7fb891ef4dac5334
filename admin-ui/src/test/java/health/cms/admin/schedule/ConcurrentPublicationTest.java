package health.cms.admin.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import health.cms.admin.testing.OwnDatabase;
import health.cms.admin.testing.Tokens;
import health.cms.core.article.Article;
import health.cms.core.testing.EmbeddedPostgresResource;
import health.cms.core.testing.MutableClock;
import health.cms.workflow.EditorialAction;
import health.cms.workflow.TransitionRequest;
import health.cms.workflow.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Nothing is published twice however the publications race: two medical reviewers approve the same
 * forty articles at once (one article by article, the other in bulk), while two scheduler instances
 * run twenty due publications and an editor cancels half of those. Every article ends with exactly
 * one sign-off, one publication in the audit trail and one {@code article.published} event, or (a
 * cancellation that won) with none; no request fails with a 500, no job fails, the audit chain holds.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@TestProfile(OwnDatabase.class)
class ConcurrentPublicationTest {

    private static final int SUBMITTED = 40;
    private static final int SCHEDULED = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI app;
    @Inject
    MutableClock clock;
    @Inject
    ScheduledTransitions scheduler;
    @Inject
    EntityManager em;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void approvalsAndScheduledJobsRacingNeverPublishTwice() throws Exception {
        Fixtures.ensureBasics();
        scheduler.runDueJobs();
        List<Article> submitted = new ArrayList<>();
        for (int i = 0; i < SUBMITTED; i++) {
            submitted.add(Fixtures.submitted("race-approve-" + i));
        }
        List<Article> scheduled = new ArrayList<>();
        for (int i = 0; i < SCHEDULED; i++) {
            Article waiting = Fixtures.submitted("race-scheduled-" + i);
            scheduled.add(Fixtures.transitions().apply(Fixtures.REVIEWER1, waiting.id(), waiting.version(),
                    new TransitionRequest(EditorialAction.APPROVE, null, clock.instant().plus(Duration.ofHours(1)), null,
                            null)));
        }
        clock.advance(Duration.ofHours(2));

        String reviewer1 = Tokens.accessToken("reviewer1", "medical-reviewer");
        String reviewer2 = Tokens.accessToken("reviewer2", "medical-reviewer", "writer");
        String editor1 = Tokens.accessToken("editor1", "editor");
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        List<Callable<Integer>> work = new ArrayList<>();
        List<Article> oneByOne = new ArrayList<>(submitted);
        Collections.shuffle(oneByOne, new Random(7));
        for (Article a : oneByOne) {
            work.add(() -> record(answers, "approve", send(reviewer1, "/manage/v1/articles/" + a.id() + "/transitions",
                    a.version(), Map.of("action", "approve", "comment", "One by one."))));
        }
        List<Article> inBulk = new ArrayList<>(submitted);
        Collections.shuffle(inBulk, new Random(11));
        for (int chunk = 0; chunk < SUBMITTED; chunk += 10) {
            List<Map<String, Object>> items = inBulk.subList(chunk, chunk + 10).stream()
                    .map(a -> Map.<String, Object>of("id", a.id(), "version", a.version())).toList();
            work.add(() -> record(answers, "bulk", send(reviewer2, "/manage/v1/review-queue/approvals", null,
                    Map.of("articles", items, "comment", "In bulk."))));
        }
        for (Article a : scheduled.subList(0, SCHEDULED / 2)) {
            work.add(() -> record(answers, "cancel", send(editor1, "/manage/v1/articles/" + a.id() + "/transitions",
                    a.version(), Map.of("action", "cancel-schedule"))));
        }
        for (int instance = 0; instance < 4; instance++) {
            work.add(() -> scheduler.runDueJobs());
        }
        Collections.shuffle(work, new Random(3));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> job : work) {
            results.add(pool.submit(() -> {
                start.await();
                return job.call();
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            result.get();
        }
        pool.shutdown();
        scheduler.runDueJobs();

        List<String> unexpected = answers.stream().filter(a -> !a.matches("(approve|cancel) (200|409|412)|bulk 200"))
                .toList();
        assertTrue(unexpected.isEmpty(), "only success, 409 and 412 answers: " + unexpected);

        Map<Long, Long> approvals = countPerArticle(
                "SELECT r.article_id, count(*) FROM sign_off s JOIN revision r ON r.id = s.revision_id"
                        + " WHERE s.decision = 'approved' GROUP BY r.article_id");
        Map<Long, Long> approveEvents = countPerArticle(
                "SELECT article_id, count(*) FROM audit_event WHERE action = 'approve' AND to_status = 'published'"
                        + " GROUP BY article_id");
        Map<Long, Long> scheduledRuns = countPerArticle(
                "SELECT article_id, count(*) FROM audit_event WHERE action = 'publish-due' GROUP BY article_id");
        Map<Long, Long> cancellations = countPerArticle(
                "SELECT article_id, count(*) FROM audit_event WHERE action = 'cancel-schedule' GROUP BY article_id");
        Map<Long, Long> publishedEvents = countPerArticle(
                "SELECT article_id, count(*) FROM outbox_event WHERE event_type = 'article.published' GROUP BY article_id");
        Map<Long, Long> readModel = countPerArticle("SELECT article_id, count(*) FROM published_article GROUP BY article_id");

        for (Article a : submitted) {
            String what = "article " + a.slug();
            assertEquals(1L, approvals.getOrDefault(a.id(), 0L), what + ": sign-offs");
            assertEquals(1L, approveEvents.getOrDefault(a.id(), 0L), what + ": publications in the audit trail");
            assertEquals(1L, publishedEvents.getOrDefault(a.id(), 0L), what + ": article.published events");
            assertEquals(1L, readModel.getOrDefault(a.id(), 0L), what + ": live in the delivery read model");
        }
        int published = 0;
        int cancelled = 0;
        for (Article a : scheduled) {
            String what = "scheduled article " + a.slug();
            long runs = scheduledRuns.getOrDefault(a.id(), 0L);
            long cancels = cancellations.getOrDefault(a.id(), 0L);
            assertEquals(1L, approvals.getOrDefault(a.id(), 0L), what + ": its one sign-off");
            assertEquals(1L, runs + cancels, what + ": published once or cancelled, never both");
            assertEquals(runs, publishedEvents.getOrDefault(a.id(), 0L), what + ": article.published events");
            assertEquals(runs, readModel.getOrDefault(a.id(), 0L), what + ": in the delivery read model");
            published += (int) runs;
            cancelled += (int) cancels;
        }
        assertTrue(published >= SCHEDULED / 2, "the jobs nobody cancelled all ran: " + published);
        assertEquals(SCHEDULED, published + cancelled);
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id || ' ' || state || ' ' || coalesce(outcome, '') FROM scheduled_job"
                        + " WHERE state NOT IN ('done', 'cancelled')",
                String.class).getResultList()),
                "no job failed or was left behind");
        Tokens.editor1().get("/manage/v1/audit/verify").then().statusCode(200)
                .body("intact", org.hamcrest.Matchers.equalTo(true));
    }

    private HttpResponse<String> send(String token, String path, Long version, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (version != null) {
            request.header("If-Match", "\"" + version + "\"");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int record(ConcurrentLinkedQueue<String> answers, String what, HttpResponse<String> response) {
        answers.add(what + " " + response.statusCode() + (response.statusCode() >= 500 ? " " + response.body() : ""));
        return response.statusCode();
    }

    private Map<Long, Long> countPerArticle(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Long> counts = new HashMap<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                Object[] columns = (Object[]) row;
                counts.put(((Number) columns[0]).longValue(), ((Number) columns[1]).longValue());
            }
            return counts;
        });
    }
}
