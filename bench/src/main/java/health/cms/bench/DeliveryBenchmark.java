package health.cms.bench;

import static health.cms.bench.Stack.API;
import static health.cms.bench.Stack.HTTP;
import static health.cms.bench.Stack.JSON;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    private static final String LIST = "/api/v1/articles?category=bench-cat-3&limit=20";
    private static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"), "cms-bench");

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(WORK);
        System.out.printf("Machine: %d cores; wrk -t2 -c%d -d%ds, %d runs each%n",
                Runtime.getRuntime().availableProcessors(), Wrk.CONNECTIONS, seconds, runs);
        BenchContent.setUpCatalog();
        int live = BenchContent.load(wanted);
        System.out.printf("Live bench articles: %d%n", live);

        List<String> slugs = BenchContent.slugs(1000);
        Files.write(WORK.resolve("slugs.txt"), slugs);
        HttpResponse<byte[]> sample = HTTP.send(HttpRequest.newBuilder(URI.create(API + "/api/v1/articles/" + slugs.get(0)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        String etag = sample.headers().firstValue("ETag").orElseThrow();
        Path www = Files.createDirectories(WORK.resolve("www"));
        Files.write(www.resolve("article.json"), sample.body());
        // Each scenario is compared with nginx serving the very bytes it answers, so a bigger answer is not
        // mistaken for a slower path.
        Files.write(www.resolve("list.json"), HTTP.send(HttpRequest.newBuilder(URI.create(API + LIST)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        Files.writeString(WORK.resolve("rotate.lua"), """
                local slugs = {}
                for line in io.lines("%s") do slugs[#slugs + 1] = line end
                local i = 0
                request = function()
                  i = i %% #slugs + 1
                  return wrk.format("GET", "/api/v1/articles/" .. slugs[i])
                end
                """.formatted(WORK.resolve("slugs.txt")));

        Process nginx = Nginx.start(WORK, www, 8090, "application/json");
        RssProbe rss = RssProbe.start("api/target/quarkus-app/quarkus-run.jar");
        try {
            System.out.printf("Article JSON size: %d bytes%n%n", sample.body().length);
            System.out.println("| Scenario | req/s min / median / max | p99 ms (median run) | ratio to nginx (median) |");
            System.out.println("| --- | --- | --- | --- |");
            Wrk.Result baseline = Wrk.scenario("nginx static article.json", runs, seconds,
                    "http://127.0.0.1:8090/article.json");
            Wrk.print(baseline, null);
            Wrk.print(Wrk.scenario("(a) article by slug, 1,000 slugs", runs, seconds, API + "/api/v1/articles/",
                    "-s", WORK.resolve("rotate.lua").toString()), baseline);
            Wrk.Result listBaseline = Wrk.scenario("nginx static list.json", runs, seconds,
                    "http://127.0.0.1:8090/list.json");
            Wrk.print(listBaseline, null);
            Wrk.print(Wrk.scenario("(b) 20 newest in a category", runs, seconds, API + LIST), listBaseline);
            Wrk.print(Wrk.scenario("(c) search 'treatment'", runs, seconds, API + "/api/v1/search?q=treatment"), baseline);
            Wrk.print(Wrk.scenario("(d) revalidation (If-None-Match, 304)", runs, seconds,
                    API + "/api/v1/articles/" + slugs.get(0), "-H", "If-None-Match: " + etag), baseline);
            graphQl(runs, seconds, slugs.get(0), www);
            Process uncached = ApiReplica.start(WORK, 8083, false);
            try {
                ApiReplica.waitFor("http://localhost:8083/q/health/ready", Duration.ofSeconds(60));
                // A fresh JVM runs the uncached path interpreted, then compiles it: at about 1,000 req/s the first
                // 30,000 requests cost up to four times the CPU of later ones, so the runs would measure the JIT.
                for (String warmUp : List.of(LIST, "/api/v1/search?q=treatment")) {
                    Wrk.scenario("warm-up", 1, 30, "http://localhost:8083" + warmUp);
                }
                Wrk.scenario("warm-up", 1, 30, "http://localhost:8083/api/v1/articles/", "-s",
                        WORK.resolve("rotate.lua").toString());
                Wrk.print(Wrk.scenario("(c) search 'treatment', cache disabled (every request hits PostgreSQL)", runs,
                        seconds, "http://localhost:8083/api/v1/search?q=treatment"), baseline);
                Wrk.print(Wrk.scenario("(b) 20 newest in a category, cache disabled", runs, seconds,
                        "http://localhost:8083" + LIST), listBaseline);
                Wrk.print(Wrk.scenario("(a) article by slug, 1,000 slugs, cache disabled", runs, seconds,
                        "http://localhost:8083/api/v1/articles/", "-s", WORK.resolve("rotate.lua").toString()), baseline);
            } finally {
                uncached.destroy();
            }
        } finally {
            nginx.destroy();
            System.out.printf("%napi peak RSS during the runs: %d MB%n", rss.stop() / 1024);
        }
        replicaLatency();
    }

    /** What an article page of a downstream site asks GraphQL for: the text, its category and its review. */
    private static final String GRAPHQL_ARTICLE = "query Page($s: String!) { article(slug: $s) { slug title summary "
            + "updatedAt body { html } category { name slug } medicalReview { status reviewerName reviewerCredentials "
            + "reviewedAt nextReviewDue } } }";

    /**
     * GraphQL article by slug over the same 1,000 slugs: GET (cached in the api like a REST answer, what a CDN
     * would send) and POST (never cached: read and serialized each time), against nginx serving the bytes of
     * one such answer.
     */
    private static void graphQl(int runs, int seconds, String slug, Path www) throws Exception {
        String query = URLEncoder.encode(GRAPHQL_ARTICLE, StandardCharsets.UTF_8);
        Files.write(www.resolve("graphql.json"), HTTP.send(HttpRequest.newBuilder(URI.create(API + "/graphql?query="
                + query + "&variables=" + URLEncoder.encode("{\"s\":\"" + slug + "\"}", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        String slugs = WORK.resolve("slugs.txt").toString();
        Files.writeString(WORK.resolve("graphql-get.lua"), """
                local slugs = {}
                for line in io.lines("%s") do slugs[#slugs + 1] = line end
                local i = 0
                request = function()
                  i = i %% #slugs + 1
                  return wrk.format("GET", "/graphql?query=%s&variables=%%7B%%22s%%22%%3A%%22" .. slugs[i] .. "%%22%%7D")
                end
                """.formatted(slugs, query));
        Files.writeString(WORK.resolve("graphql-post.lua"), """
                local slugs = {}
                for line in io.lines("%s") do slugs[#slugs + 1] = line end
                local i = 0
                request = function()
                  i = i %% #slugs + 1
                  local body = '{"query": "%s", "variables": {"s": "' .. slugs[i] .. '"}}'
                  return wrk.format("POST", "/graphql", {["Content-Type"] = "application/json"}, body)
                end
                """.formatted(slugs, GRAPHQL_ARTICLE));
        Wrk.Result baseline = Wrk.scenario("nginx static graphql.json", runs, seconds, "http://127.0.0.1:8090/graphql.json");
        Wrk.print(baseline, null);
        Wrk.print(Wrk.scenario("(e) GraphQL article by slug, GET (cached), 1,000 slugs", runs, seconds, API + "/graphql",
                "-s", WORK.resolve("graphql-get.lua").toString()), baseline);
        Wrk.print(Wrk.scenario("(f) GraphQL article by slug, POST (never cached), 1,000 slugs", runs, seconds,
                API + "/graphql", "-s", WORK.resolve("graphql-post.lua").toString()), baseline);
    }

    /** Starts a second api replica and measures how fast a publish and an update become visible there. */
    private static void replicaLatency() throws Exception {
        Process replica = ApiReplica.start(WORK, 8082, true);
        String replicaUrl = "http://localhost:8082";
        try {
            ApiReplica.waitFor(replicaUrl + "/q/health/ready", Duration.ofSeconds(60));
            String writer = Stack.token("writer2");
            String reviewer = Stack.token("reviewer1");
            String slug = "replica-" + Long.toString(System.currentTimeMillis(), 36);
            JsonNode created = JSON.readTree(Stack.send("POST", "/manage/v1/articles", writer, null,
                    new ArticleGenerator(1, 2000).article(slug, "bench-cat-0", "bench-author-0")).body());
            long id = created.path("id").asLong();
            JsonNode submitted = JSON.readTree(Stack.send("POST", "/manage/v1/articles/" + id + "/transitions", writer,
                    "\"" + created.path("version").asLong() + "\"", Map.of("action", "submit")).body());
            ApiReplica.get(replicaUrl + "/api/v1/articles?category=bench-cat-0&limit=1");
            Instant approved;
            HttpResponse<String> approval = Stack.send("POST", "/manage/v1/articles/" + id + "/transitions", reviewer,
                    "\"" + submitted.path("version").asLong() + "\"", Map.of("action", "approve"));
            approved = Instant.now();
            if (approval.statusCode() != 200) {
                throw new IllegalStateException(approval.body());
            }
            while (ApiReplica.get(replicaUrl + "/api/v1/articles/" + slug).statusCode() != 200) {
                Thread.sleep(5);
            }
            System.out.printf("Publish visible on a second replica after %d ms%n",
                    Duration.between(approved, Instant.now()).toMillis());
            while (!ApiReplica.get(replicaUrl + "/api/v1/articles?category=bench-cat-0&limit=1").body().contains(slug)) {
                Thread.sleep(5);
            }
            System.out.printf("... and at the top of its (previously cached) category list after %d ms%n",
                    Duration.between(approved, Instant.now()).toMillis());
        } finally {
            replica.destroy();
        }
    }
}
