package health.cms.bench;

import static health.cms.bench.Stack.API;
import static health.cms.bench.Stack.HTTP;
import static health.cms.bench.Stack.JSON;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The delivery benchmark of docs/benchmarks.md: loads N live articles (10 categories, 50 authors)
 * through the import path and bulk approval, then runs wrk scenarios against the api and nginx serving
 * the same article bytes as a static file, and measures how fast a publish reaches a second replica.
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench compile exec:java -Dexec.mainClass=health.cms.bench.DeliveryBenchmark -Dexec.args="10000 10 3"
 * </pre>
 *
 * Arguments: live bench articles wanted (10000), seconds per wrk run (10), runs per scenario (3).
 * Needs the stack running and Debian's wrk and nginx-light.
 */
public final class DeliveryBenchmark {

    private static final int CATEGORIES = 10;
    private static final int AUTHORS = 50;
    private static final int CONNECTIONS = 32;
    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "cms-bench");

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(WORK);
        System.out.printf("Machine: %d cores; wrk -t2 -c%d -d%ds, %d runs each%n",
                Runtime.getRuntime().availableProcessors(), CONNECTIONS, seconds, runs);
        setUpCatalog();
        int live = load(wanted);
        System.out.printf("Live bench articles: %d%n", live);

        List<String> slugs = slugs(1000);
        Files.write(WORK.resolve("slugs.txt"), slugs);
        HttpResponse<byte[]> sample = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/v1/articles/" + slugs.get(0)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        String etag = sample.headers().firstValue("ETag").orElseThrow();
        Path www = Files.createDirectories(WORK.resolve("www"));
        Files.write(www.resolve("article.json"), sample.body());
        Files.writeString(WORK.resolve("rotate.lua"), """
                local slugs = {}
                for line in io.lines("%s") do slugs[#slugs + 1] = line end
                local i = 0
                request = function()
                  i = i %% #slugs + 1
                  return wrk.format("GET", "/api/v1/articles/" .. slugs[i])
                end
                """.formatted(WORK.resolve("slugs.txt")));

        Process nginx = startNginx(www);
        RssProbe rss = RssProbe.start("api/target/quarkus-app/quarkus-run.jar");
        try {
            System.out.printf("Article JSON size: %d bytes%n%n", sample.body().length);
            System.out.println("| Scenario | req/s min / median / max | p99 ms (median run) | ratio to nginx (median) |");
            System.out.println("| --- | --- | --- | --- |");
            Result baseline = scenario("nginx static article.json", runs, seconds, "http://127.0.0.1:8090/article.json");
            print(baseline, null);
            print(scenario("(a) article by slug, 1,000 slugs", runs, seconds, API + "/api/v1/articles/",
                    "-s", WORK.resolve("rotate.lua").toString()), baseline);
            print(scenario("(b) 20 newest in a category", runs, seconds,
                    API + "/api/v1/articles?category=bench-cat-3&limit=20"), baseline);
            print(scenario("(c) search 'treatment'", runs, seconds, API + "/api/v1/search?q=treatment"), baseline);
            print(scenario("(d) revalidation (If-None-Match, 304)", runs, seconds,
                    API + "/api/v1/articles/" + slugs.get(0), "-H", "If-None-Match: " + etag), baseline);
            Process uncached = startReplica(8083, false);
            try {
                waitFor("http://localhost:8083/q/health/ready", Duration.ofSeconds(60));
                print(scenario("(c) search 'treatment', cache disabled (every request hits PostgreSQL)", runs,
                        seconds, "http://localhost:8083/api/v1/search?q=treatment"), baseline);
                print(scenario("(b) 20 newest in a category, cache disabled", runs, seconds,
                        "http://localhost:8083/api/v1/articles?category=bench-cat-3&limit=20"), baseline);
            } finally {
                uncached.destroy();
            }
        } finally {
            nginx.destroy();
            System.out.printf("%napi peak RSS during the runs: %d MB%n", rss.stop() / 1024);
        }
        replicaLatency();
    }

    private static void setUpCatalog() throws Exception {
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
    private static int load(int wanted) throws Exception {
        int live = liveBenchArticles();
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
            JsonNode job = Stack.importLines(Stack.token("writer2"), lines.toString(), true);
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
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        String reviewer = Stack.token("reviewer1");
        for (int from = 0; from < items.size(); from += 200) {
            List<Map<String, Object>> chunk = items.subList(from, Math.min(items.size(), from + 200));
            calls.add(pool.submit(() -> {
                HttpResponse<String> response = Stack.send("POST", "/manage/v1/review-queue/approvals", reviewer, null,
                        Map.of("articles", chunk, "comment", "Benchmark approval"));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("Bulk approval failed: " + response.statusCode() + " " + response.body());
                }
                System.out.printf("\r  approved %d / %d", done.addAndGet(chunk.size()), items.size());
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        pool.shutdown();
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

    private static List<String> slugs(int count) throws Exception {
        List<String> slugs = new ArrayList<>();
        String cursor = "";
        while (slugs.size() < count) {
            JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(API
                    + "/api/v1/articles?limit=100&category=bench-cat-" + (slugs.size() / 100 % CATEGORIES)
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor))).build(), HttpResponse.BodyHandlers.ofString()).body());
            page.path("items").forEach(item -> slugs.add(item.path("slug").asText()));
            cursor = "";
            if (page.path("items").isEmpty()) {
                break;
            }
        }
        return slugs.subList(0, Math.min(count, slugs.size()));
    }

    private static Process startNginx(Path www) throws Exception {
        Path conf = WORK.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 2;
                pid %s;
                error_log %s warn;
                events { worker_connections 1024; }
                http {
                  access_log off;
                  sendfile on;
                  server {
                    listen 127.0.0.1:8090;
                    location / { root %s; default_type application/json; }
                  }
                }
                """.formatted(WORK.resolve("nginx.pid"), WORK.resolve("nginx-error.log"), www));
        Process nginx = new ProcessBuilder("nginx", "-c", conf.toString(), "-g", "daemon off;").inheritIO().start();
        Thread.sleep(500);
        return nginx;
    }

    /** Requests per second of each run and the p99 latency of the median run. */
    record Result(String name, List<Double> rps, double p99Ms) {

        double median() {
            List<Double> sorted = new ArrayList<>(rps);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }
    }

    private static Result scenario(String name, int runs, int seconds, String url, String... extra) throws Exception {
        List<Double> rps = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            List<String> command = new ArrayList<>(
                    List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
            command.addAll(List.of(extra));
            command.add(url);
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes());
            wrk.waitFor();
            Matcher requests = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
            Matcher latency = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)").matcher(output);
            if (!requests.find() || !latency.find()) {
                throw new IllegalStateException("wrk run failed for " + name + ":\n" + output);
            }
            Matcher failures = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|timeout (\\d+)").matcher(output);
            while (failures.find() && !name.contains("304")) {
                System.out.println("  " + name + ": " + failures.group() + " (failed requests are not counted as served)");
            }
            rps.add(Double.parseDouble(requests.group(1)));
            double value = Double.parseDouble(latency.group(1));
            p99.add(switch (latency.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            });
        }
        List<Double> sortedP99 = new ArrayList<>(p99);
        Collections.sort(sortedP99);
        return new Result(name, rps, sortedP99.get(sortedP99.size() / 2));
    }

    private static void print(Result result, Result baseline) {
        List<Double> sorted = new ArrayList<>(result.rps());
        Collections.sort(sorted);
        System.out.printf("| %s | %.0f / %.0f / %.0f | %.2f | %s |%n", result.name(), sorted.get(0), result.median(),
                sorted.get(sorted.size() - 1), result.p99Ms(),
                baseline == null ? "baseline" : String.format("%.0f%%", 100 * result.median() / baseline.median()));
    }

    /** Starts a second api replica and measures how fast a publish and an update become visible there. */
    private static void replicaLatency() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xmx128m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", "api/target/quarkus-app/quarkus-run.jar");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("CMS_API_PORT", "8082");
        // One client polling in a loop, like wrk below: the per-client rate limit is for real traffic.
        builder.environment().putIfAbsent("CMS_RATE_LIMIT_PER_SECOND", "0");
        Process replica = builder.redirectErrorStream(true).redirectOutput(WORK.resolve("replica.log").toFile())
                .directory(Path.of(System.getProperty("cms.project.dir", ".")).toFile())
                .start();
        String replicaUrl = "http://localhost:8082";
        try {
            waitFor(replicaUrl + "/q/health/ready", Duration.ofSeconds(60));
            String writer = Stack.token("writer2");
            String reviewer = Stack.token("reviewer1");
            String slug = "replica-" + Long.toString(System.currentTimeMillis(), 36);
            JsonNode created = JSON.readTree(Stack.send("POST", "/manage/v1/articles", writer, null,
                    new ArticleGenerator(1, 2000).article(slug, "bench-cat-0", "bench-author-0")).body());
            long id = created.path("id").asLong();
            JsonNode submitted = JSON.readTree(Stack.send("POST", "/manage/v1/articles/" + id + "/transitions", writer,
                    "\"" + created.path("version").asLong() + "\"", Map.of("action", "submit")).body());
            get(replicaUrl + "/api/v1/articles?category=bench-cat-0&limit=1");
            Instant approved;
            HttpResponse<String> approval = Stack.send("POST", "/manage/v1/articles/" + id + "/transitions", reviewer,
                    "\"" + submitted.path("version").asLong() + "\"", Map.of("action", "approve"));
            approved = Instant.now();
            if (approval.statusCode() != 200) {
                throw new IllegalStateException(approval.body());
            }
            while (get(replicaUrl + "/api/v1/articles/" + slug).statusCode() != 200) {
                Thread.sleep(5);
            }
            System.out.printf("Publish visible on a second replica after %d ms%n",
                    Duration.between(approved, Instant.now()).toMillis());
            while (!get(replicaUrl + "/api/v1/articles?category=bench-cat-0&limit=1").body().contains(slug)) {
                Thread.sleep(5);
            }
            System.out.printf("... and at the top of its (previously cached) category list after %d ms%n",
                    Duration.between(approved, Instant.now()).toMillis());
        } finally {
            replica.destroy();
        }
    }

    private static Process startReplica(int port, boolean cache) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xmx128m",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-jar", "api/target/quarkus-app/quarkus-run.jar");
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("CMS_API_PORT", String.valueOf(port));
        builder.environment().put("CMS_DELIVERY_CACHE", String.valueOf(cache));
        builder.environment().putIfAbsent("CMS_RATE_LIMIT_PER_SECOND", "0");
        return builder.redirectErrorStream(true).redirectOutput(WORK.resolve("replica-" + port + ".log").toFile())
                .directory(Path.of(System.getProperty("cms.project.dir", ".")).toFile()).start();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitFor(String url, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(url + " not ready");
    }

    /** Samples a process's resident memory while the load runs. */
    static final class RssProbe {

        private final Thread thread;
        private final AtomicLong peakKb = new AtomicLong();
        private volatile boolean running = true;

        private RssProbe(String commandPart) {
            thread = new Thread(() -> {
                while (running) {
                    ProcessHandle.allProcesses()
                            .filter(p -> p.info().commandLine().orElse("").contains(commandPart))
                            .forEach(p -> peakKb.accumulateAndGet(rssKb(p.pid()), Math::max));
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static RssProbe start(String commandPart) {
            RssProbe probe = new RssProbe(commandPart);
            probe.thread.start();
            return probe;
        }

        long stop() {
            running = false;
            thread.interrupt();
            return peakKb.get();
        }

        private static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }
    }
}
