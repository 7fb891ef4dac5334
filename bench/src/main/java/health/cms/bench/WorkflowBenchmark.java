package health.cms.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the management API against a running local stack: JSON Lines import throughput, and the
 * latency of submit and approve under concurrent clients. Usage (stack running):
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench exec:java -Dexec.args="10000 8 400"
 * </pre>
 *
 * Arguments: articles to import (default 10000), concurrent clients (8), articles per latency run (400).
 */
public final class WorkflowBenchmark {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Stack.JSON;

    public static void main(String[] args) throws Exception {
        int imports = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int latencyArticles = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        importThroughput(run, imports);
        workflowLatency(run, clients, latencyArticles);
    }

    private static void importThroughput(String run, int count) throws Exception {
        ArticleGenerator generator = new ArticleGenerator(42, 6_000);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            file.append(JSON.writeValueAsString(generator.article("bench-" + run + "-" + i, "conditions", "samuel-okafor")))
                    .append('\n');
        }
        long start = System.nanoTime();
        JsonNode job = Stack.importLines("writer2", file.toString(), false);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nImport of %d articles (~%d MB of JSON Lines): created %d, failed %d in %.1f s = %.0f articles/s%n",
                count, file.length() / 1024 / 1024, job.path("created").asInt(), job.path("failed").asInt(), seconds,
                job.path("created").asInt() / seconds);
    }

    private static void workflowLatency(String run, int clients, int articles) throws Exception {
        ArticleGenerator generator = new ArticleGenerator(7, 6_000);
        List<long[]> prepared = new ArrayList<>();
        String writer = Stack.token("writer2");
        for (int i = 0; i < articles; i++) {
            HttpResponse<String> created = Stack.send("POST", "/manage/v1/articles", writer, null,
                    generator.article("latency-" + run + "-" + i, "conditions", "samuel-okafor"));
            JsonNode state = JSON.readTree(created.body());
            prepared.add(new long[]{state.path("id").asLong(), state.path("version").asLong()});
        }
        List<Long> submit = timeAll(clients, prepared, writer, "submit");
        List<Long> approve = timeAll(clients, prepared, Stack.token("reviewer1"), "approve");
        report("submit", submit, clients);
        report("approve", approve, clients);
    }

    private static List<Long> timeAll(int clients, List<long[]> articles, String token, String action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> timings = new ArrayList<>();
        for (long[] article : articles) {
            timings.add(pool.submit(() -> {
                long start = System.nanoTime();
                HttpResponse<String> response = Stack.send("POST", "/manage/v1/articles/" + article[0] + "/transitions", token,
                        "\"" + article[1] + "\"", Map.of("action", action));
                long micros = (System.nanoTime() - start) / 1_000;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(action + " failed: " + response.statusCode() + " " + response.body());
                }
                article[1] = JSON.readTree(response.body()).path("version").asLong();
                return micros;
            }));
        }
        List<Long> result = new ArrayList<>();
        for (Future<Long> timing : timings) {
            result.add(timing.get());
        }
        pool.shutdown();
        return result;
    }

    private static void report(String action, List<Long> micros, int clients) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s with %d concurrent clients: n=%d median %.1f ms, p90 %.1f ms, p99 %.1f ms%n", action,
                clients, sorted.size(), sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.9)) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
    }
}
