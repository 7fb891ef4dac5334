package health.cms.bench;

import static health.cms.bench.Stack.API;
import static health.cms.bench.Stack.HTTP;
import static health.cms.bench.Stack.JSON;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Mixed load for a long time, to show nothing degrades or gets lost: steady reads of the delivery
 * API, writers editing and reviewers approving live articles, and every change delivered as a
 * webhook to a local receiver. Reports per minute: reads, errors, p50/p99 latency, RSS of both apps;
 * at the end: revisions, sign-offs and webhook events expected versus found.
 *
 * <p>Arguments: minutes (30), reads per second (200), seconds between editorial changes (3). Needs the
 * stack running with {@code CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true} (the receiver is on 127.0.0.1).
 */
public final class SoakBenchmark {

    private static final int ARTICLES = 40;

    /** One read: when (ms since start), latency, status. */
    record Read(long atMs, long micros, int status) {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int readsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int changeEverySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            exchange.getRequestBody().readAllBytes();
            if (id != null && !received.add(id)) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();

        String editor = Stack.token("editor1");
        HttpResponse<String> subscription = Stack.send("POST", "/manage/v1/webhooks", editor, null,
                Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "description",
                        "soak " + run, "eventTypes", List.of("article.published", "article.updated",
                                "article.unpublished", "correction.published")));
        if (subscription.statusCode() != 201) {
            throw new IllegalStateException("Subscription refused: " + subscription.statusCode() + " " + subscription.body());
        }

        List<long[]> articles = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String slug = "soak-" + run + "-" + i;
            articles.add(publishNew(slug));
            slugs.add(slug);
        }
        int expectedEvents = ARTICLES;
        System.out.printf("Machine: %d cores; %d min, %d reads/s, a change every %d s, %d live soak articles%n%n",
                Runtime.getRuntime().availableProcessors(), minutes, readsPerSecond, changeEverySeconds, ARTICLES);

        long start = System.nanoTime();
        ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService readers = Executors.newScheduledThreadPool(2);
        AtomicInteger tick = new AtomicInteger();
        readers.scheduleAtFixedRate(() -> {
            int i = tick.getAndIncrement();
            String path = switch (i % 4) {
                case 0, 1 -> "/api/v1/articles/" + slugs.get(i % slugs.size());
                case 2 -> "/api/v1/articles?category=treatments-therapies&limit=20";
                default -> "/api/v1/search?q=soak";
            };
            long sent = System.nanoTime();
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create(API + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> reads.add(new Read((sent - start) / 1_000_000,
                            (System.nanoTime() - sent) / 1_000, failure == null ? response.statusCode() : -1)));
        }, 0, 1_000_000 / readsPerSecond, TimeUnit.MICROSECONDS);

        List<long[]> rss = Collections.synchronizedList(new ArrayList<>());
        String project = Path.of(System.getProperty("cms.project.dir", ".")).toAbsolutePath().normalize().toString();
        readers.scheduleAtFixedRate(() -> rss.add(new long[]{(System.nanoTime() - start) / 1_000_000,
                rssKb(project + "/api/target/quarkus-app"), rssKb(project + "/admin-ui/target/quarkus-app")}), 0, 30,
                TimeUnit.SECONDS);

        int edits = 0;
        int approvals = 0;
        int refused = 0;
        long end = start + Duration.ofMinutes(minutes).toNanos();
        String writer = Stack.token("writer2");
        String reviewer = Stack.token("reviewer1");
        long tokensAt = System.nanoTime();
        for (int cycle = 0; System.nanoTime() < end; cycle++) {
            Thread.sleep(changeEverySeconds * 1000L);
            if (System.nanoTime() - tokensAt > Duration.ofMinutes(3).toNanos()) {
                writer = Stack.token("writer2");
                reviewer = Stack.token("reviewer1");
                tokensAt = System.nanoTime();
            }
            long id = articles.get(cycle % ARTICLES)[0];
            String slug = slugs.get(cycle % ARTICLES);
            JsonNode state = JSON.readTree(Stack.send("GET", "/manage/v1/articles/" + id, writer, null, null).body());
            HttpResponse<String> edited = Stack.send("PUT", "/manage/v1/articles/" + id, writer,
                    "\"" + state.path("version").asLong() + "\"", new ArticleGenerator(cycle, 3_000).article(slug,
                            "treatments-therapies", "elena-marsh"));
            if (edited.statusCode() != 200) {
                refused++;
                continue;
            }
            edits++;
            HttpResponse<String> submitted = transition(writer, id, edited, Map.of("action", "submit"));
            HttpResponse<String> approved = transition(reviewer, id, submitted,
                    Map.of("action", "approve", "changeClass", "typo"));
            if (approved.statusCode() == 200) {
                approvals++;
                expectedEvents++;
            } else {
                refused++;
            }
        }
        readers.shutdown();
        readers.awaitTermination(30, TimeUnit.SECONDS);
        Thread.sleep(2_000);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received.size() < expectedEvents && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        receiver.stop(0);
        report(new ArrayList<>(reads), rss, minutes);
        int revisions = 0;
        int signOffs = 0;
        for (long[] article : articles) {
            // The history comes a page at a time; the Link header names the next page.
            String page = "/manage/v1/articles/" + article[0] + "/revisions?limit=100";
            while (page != null) {
                var answer = Stack.send("GET", page, Stack.token("writer2"), null, null);
                JsonNode history = JSON.readTree(answer.body());
                revisions += history.size();
                for (JsonNode revision : history) {
                    signOffs += revision.path("signOffs").size();
                }
                page = answer.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>')))
                        .orElse(null);
            }
        }
        System.out.printf("%nEditorial changes: %d edits, %d approvals, %d refused%n", edits, approvals, refused);
        System.out.printf("Revisions: expected %d, found %d%n", ARTICLES + edits, revisions);
        System.out.printf("Sign-offs: expected %d, found %d%n", ARTICLES + approvals, signOffs);
        System.out.printf("Webhook events: expected %d, received %d distinct (%d repeated deliveries)%n", expectedEvents,
                received.size(), duplicates.get());
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "cms-soak-done"), run);
    }

    private static long[] publishNew(String slug) throws Exception {
        String writer = Stack.token("writer2");
        HttpResponse<String> created = Stack.send("POST", "/manage/v1/articles", writer, null,
                new ArticleGenerator(1, 3_000).article(slug, "treatments-therapies", "elena-marsh"));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Create refused: " + created.body());
        }
        long id = JSON.readTree(created.body()).path("id").asLong();
        HttpResponse<String> submitted = transition(writer, id, created, Map.of("action", "submit"));
        HttpResponse<String> approved = transition(Stack.token("reviewer1"), id, submitted, Map.of("action", "approve"));
        if (approved.statusCode() != 200) {
            throw new IllegalStateException("Approval refused: " + approved.body());
        }
        return new long[]{id};
    }

    private static HttpResponse<String> transition(String token, long id, HttpResponse<String> previous,
            Map<String, Object> body) throws Exception {
        return Stack.send("POST", "/manage/v1/articles/" + id + "/transitions", token,
                previous.headers().firstValue("ETag").orElse("\"0\""), body);
    }

    private static void report(List<Read> reads, List<long[]> rss, int minutes) {
        System.out.println("| Minute | reads | errors | p50 ms | p99 ms | api RSS MB | admin-ui RSS MB |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        long totalErrors = 0;
        for (int minute = 0; minute < minutes; minute++) {
            long from = minute * 60_000L;
            long to = from + 60_000L;
            List<Long> latencies = new ArrayList<>();
            long errors = 0;
            for (Read read : reads) {
                if (read.atMs() >= from && read.atMs() < to) {
                    latencies.add(read.micros());
                    if (read.status() < 200 || read.status() >= 500) {
                        errors++;
                    }
                }
            }
            totalErrors += errors;
            Collections.sort(latencies);
            long[] memory = rss.stream().filter(r -> r[0] >= from && r[0] < to).reduce((a, b) -> b)
                    .orElse(new long[]{0, 0, 0});
            System.out.printf("| %d | %d | %d | %.1f | %.1f | %d | %d |%n", minute + 1, latencies.size(), errors,
                    percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0, memory[1] / 1024,
                    memory[2] / 1024);
        }
        System.out.printf("%nReads: %d, errors (5xx or no answer): %d (%.4f%%)%n", reads.size(), totalErrors,
                100.0 * totalErrors / Math.max(1, reads.size()));
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** Resident memory of the process whose command line contains {@code marker}, in KB (0 if not found). */
    private static long rssKb(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .findFirst()
                .map(p -> {
                    try {
                        return Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status")).stream()
                                .filter(line -> line.startsWith("VmRSS:"))
                                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
                    } catch (IOException e) {
                        return 0L;
                    }
                }).orElse(0L);
    }
}
