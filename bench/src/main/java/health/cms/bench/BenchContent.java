package health.cms.bench;

import static health.cms.bench.Stack.API;
import static health.cms.bench.Stack.HTTP;
import static health.cms.bench.Stack.JSON;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The live bench articles of a running stack (10 categories, 50 authors), made through the import path
 * and bulk approval, so each one is created, submitted and signed off by the real workflow.
 */
final class BenchContent {

    static final int CATEGORIES = 10;
    static final int AUTHORS = 50;

    private BenchContent() {
    }

    /** Creates the bench categories and authors; those that exist already are refused and kept. */
    static void setUpCatalog() throws Exception {
        String editor = Stack.token("editor1");
        for (int c = 0; c < CATEGORIES; c++) {
            Stack.send("POST", "/manage/v1/categories", editor, null, Map.of("slug", "bench-cat-" + c,
                    "name", "Bench category " + c, "reviewIntervalMonths", 12));
        }
        for (int a = 0; a < AUTHORS; a++) {
            Stack.send("POST", "/manage/v1/authors", editor, null, Map.of("slug", "bench-author-" + a,
                    "displayName", "Bench Author " + a, "credentials", "MD", "author", true, "reviewer", false));
        }
    }

    /** Imports and approves bench articles until {@code wanted} are live; returns how many are live. */
    static int load(int wanted) throws Exception {
        int live = liveBenchArticles();
        if (live < wanted) {
            approveWaiting();
            live = liveBenchArticles();
        }
        ArticleGenerator generator = new ArticleGenerator(live + 1, 6_000);
        while (live < wanted) {
            int batch = Math.min(10_000, wanted - live);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < batch; i++) {
                int n = live + i;
                lines.append(JSON.writeValueAsString(generator.article("bench-" + n, "bench-cat-" + (n % CATEGORIES),
                        "bench-author-" + (n % AUTHORS)))).append('\n');
            }
            long start = System.nanoTime();
            JsonNode job = Stack.importLines("writer2", lines.toString(), true);
            System.out.printf("  imported and submitted %d in %.1f s%n", job.path("created").asInt(),
                    (System.nanoTime() - start) / 1e9);
            JsonNode results = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(Stack.DESK
                    + "/manage/v1/imports/" + job.path("id").asLong()))
                    .header("Authorization", "Bearer " + Stack.token("writer2")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("results");
            approveAll(results);
            live = liveBenchArticles();
        }
        return live;
    }

    private static void approveAll(JsonNode results) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode line : results) {
            if (line.path("result").asText().equals("created")) {
                items.add(Map.of("id", line.path("articleId").asLong(), "version", line.path("version").asLong()));
            }
        }
        approve(items);
    }

    /** Approves bench articles an earlier, interrupted load imported and submitted, so a new load goes on from there. */
    private static void approveWaiting() throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int offset = 0;; offset += 500) {
            JsonNode page = JSON.readTree(Stack.send("GET", "/manage/v1/review-queue?limit=500&offset=" + offset,
                    Stack.token("reviewer1"), null, null).body());
            for (JsonNode article : page) {
                if (article.path("slug").asText().startsWith("bench-")
                        && article.path("status").asText().equals("medical-review")) {
                    items.add(Map.of("id", article.path("id").asLong(), "version", article.path("version").asLong()));
                }
            }
            if (page.size() < 500) {
                break;
            }
        }
        if (!items.isEmpty()) {
            System.out.printf("  %d bench articles of an earlier load wait for approval%n", items.size());
            approve(items);
        }
    }

    private static void approve(List<Map<String, Object>> items) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        for (int from = 0; from < items.size(); from += 200) {
            List<Map<String, Object>> chunk = items.subList(from, Math.min(items.size(), from + 200));
            calls.add(pool.submit(() -> {
                // Asked per chunk: approving thousands outlasts one token, and token() renews it when due.
                HttpResponse<String> response = Stack.send("POST", "/manage/v1/review-queue/approvals",
                        Stack.token("reviewer1"), null,
                        Map.of("articles", chunk, "comment", "Benchmark approval"));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Bulk approval failed: " + response.statusCode() + " " + response.body());
                }
                System.out.printf("\r  approved %d / %d", done.addAndGet(chunk.size()), items.size());
                return null;
            }));
        }
        try {
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            // A failed chunk must end the run with its reason, not leave the JVM waiting on idle workers.
            pool.shutdownNow();
        }
        System.out.printf("%n  bulk approval of %d in %.1f s%n", items.size(), (System.nanoTime() - start) / 1e9);
    }

    private static int liveBenchArticles() throws Exception {
        JsonNode categories = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/v1/categories"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        int live = 0;
        for (JsonNode category : categories) {
            if (category.path("slug").asText().startsWith("bench-cat-")) {
                live += category.path("liveArticles").asInt();
            }
        }
        return live;
    }

    /** Up to {@code count} live bench slugs, taken a hundred from each category in turn. */
    static List<String> slugs(int count) throws Exception {
        List<String> slugs = new ArrayList<>();
        while (slugs.size() < count) {
            JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(API
                    + "/api/v1/articles?limit=100&category=bench-cat-" + (slugs.size() / 100 % CATEGORIES))).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            // bench articles only: the replica-latency check publishes small articles into the same categories,
            // and the first slug's answer is what nginx serves as the baseline
            page.path("items").forEach(item -> {
                if (item.path("slug").asText().startsWith("bench-")) {
                    slugs.add(item.path("slug").asText());
                }
            });
            if (page.path("items").isEmpty()) {
                break;
            }
        }
        return slugs.subList(0, Math.min(count, slugs.size()));
    }
}
