package health.cms.launcher;

import static health.cms.launcher.EndToEnd.HTTP;
import static health.cms.launcher.EndToEnd.JSON;
import static health.cms.launcher.EndToEnd.draft;
import static health.cms.launcher.EndToEnd.manage;
import static health.cms.launcher.EndToEnd.settings;
import static health.cms.launcher.EndToEnd.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PostgreSQL restarts while the delivery API is under read load: meanwhile every answer is the live
 * content (from the cache) or a 503, never a draft and never a 500; within five seconds of the
 * database coming back, every request is answered from it again.
 */
@ExtendWith(StackUnderTest.class)
class DatabaseRestartIT {

    private static final Duration DOWNTIME = Duration.ofSeconds(3);
    private static final Duration RECOVERY = Duration.ofSeconds(5);

    /** One answer: when it arrived (ns), what was asked, its status and body. */
    record Answer(long at, String path, int status, String body) {
    }

    @Test
    void theDeliveryApiRecoversWithinFiveSecondsAndNeverServesADraft() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String live = "restart-live-" + suffix;
        String draft = "restart-draft-" + suffix;
        publish(live);
        create(draft, "A draft that must never be served");

        // the search term differs on every request, so those reads always miss the cache and reach PostgreSQL
        List<String> paths = List.of("/api/v1/articles/" + live, "/api/v1/articles/" + draft,
                "/api/v1/articles?category=treatments-therapies&limit=5", "/api/v1/search?q=restart");
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        for (int r = 0; r < 4; r++) {
            int reader = r;
            readers.submit(() -> {
                int i = reader;
                while (reading.get()) {
                    String path = paths.get(i % paths.size());
                    answers.add(read(path.endsWith("q=restart") ? path + i : path));
                    i++;
                }
                return null;
            });
        }
        Thread.sleep(1_000);
        StackUnderTest.stack().restartPostgres(DOWNTIME);
        long back = System.nanoTime();
        Thread.sleep(RECOVERY.toMillis() + 3_000);
        reading.set(false);
        readers.shutdown();
        assertTrue(readers.awaitTermination(30, TimeUnit.SECONDS));

        Set<Integer> allowed = Set.of(200, 301, 304, 404, 503);
        long afterRecovery = back + RECOVERY.toNanos();
        int failuresAfterRecovery = 0;
        int unavailable = 0;
        for (Answer a : answers) {
            assertTrue(allowed.contains(a.status()), a.status() + " for " + a.path() + ": " + a.body());
            assertTrue(!a.body().contains(draft) && !a.body().contains("A draft that must never be served"),
                    "a draft was served: " + a);
            if (a.status() == 503) {
                unavailable++;
                assertTrue(a.body().contains("\"status\":503") || a.body().contains("\"status\" : 503"), a.body());
            }
            boolean expectedOk = !a.path().contains(draft);
            if (a.at() > afterRecovery && expectedOk && a.status() != 200) {
                failuresAfterRecovery++;
            }
        }
        long firstFromDatabase = answers.stream()
                .filter(a -> a.at() > back && a.path().contains("q=restart") && a.status() == 200)
                .mapToLong(Answer::at).min().orElse(Long.MAX_VALUE);
        System.out.printf("%d reads, %d answered 503 while PostgreSQL was down; first uncached read served %d ms "
                + "after PostgreSQL was back%n", answers.size(), unavailable, (firstFromDatabase - back) / 1_000_000);
        assertTrue(unavailable > 0, "some reads reached the stopped database and were told to retry");
        assertEquals(0, failuresAfterRecovery, "every read succeeds from 5 s after PostgreSQL is back");
    }

    private static Answer read(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(settings().apiUrl() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(System.nanoTime(), path, response.statusCode(), response.body());
        } catch (Exception e) {
            return new Answer(System.nanoTime(), path, -1, e.toString());
        }
    }

    private static long create(String slug, String title) throws Exception {
        return JSON.readTree(draft(Map.of("slug", slug, "title", title)).body()).path("id").asLong();
    }

    private static void publish(String slug) throws Exception {
        long id = create(slug, "Live before the restart");
        String transitions = "/manage/v1/articles/" + id + "/transitions";
        JsonNode state = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create(settings().adminUrl() + "/manage/v1/articles/" + id))
                .header("Authorization", "Bearer " + token("writer1")).build(), HttpResponse.BodyHandlers.ofString())
                .body());
        HttpResponse<String> submitted = manage(transitions, token("writer1"), "\"" + state.path("version").asLong() + "\"",
                "{\"action\": \"submit\"}");
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> approved = manage(transitions, token("reviewer1"),
                submitted.headers().firstValue("ETag").orElseThrow(), "{\"action\": \"approve\"}");
        assertEquals(200, approved.statusCode(), approved.body());
    }
}
