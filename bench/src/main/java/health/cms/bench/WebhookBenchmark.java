package health.cms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Measures webhook delivery against a running local stack whose admin-ui allows a receiver on
 * 127.0.0.1 ({@code CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true}): events delivered per second to a fast
 * local receiver that verifies every signature, and the time from an approve call to the receiver
 * seeing the article.published event. Usage (stack running):
 *
 * <pre>
 * ./mvnw -q -Pbench -pl bench compile exec:java -Dexec.mainClass=health.cms.bench.WebhookBenchmark -Dexec.args="2000 200 3"
 * </pre>
 *
 * Arguments: events per throughput run (default 2000), approvals for the latency run (200), throughput
 * runs (3). A first, unreported round of 500 events and 50 approvals warms the JIT of admin-ui.
 */
public final class WebhookBenchmark {

    private static final ObjectMapper JSON = Stack.JSON;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int approvals = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("Machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (Receiver receiver = new Receiver()) {
            String editor = Stack.token("editor1");
            HttpResponse<String> created = Stack.send("POST", "/manage/v1/webhooks", editor, null,
                    Map.of("url", receiver.url(), "description", "benchmark receiver", "eventTypes",
                            List.of("article.published"), "enabled", false));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Could not subscribe (start the stack with"
                        + " CMS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true): " + created.statusCode() + " " + created.body());
            }
            JsonNode issued = JSON.readTree(created.body());
            long id = issued.path("subscription").path("id").asLong();
            receiver.secret = issued.path("secret").asText();
            try {
                System.out.println("Warming up (not reported)");
                throughput(run + "w", id, editor, Math.min(events, 500), receiver);
                latency(run + "w", Math.min(approvals, 50), receiver);
                System.out.println("\nMeasured");
                for (int round = 1; round <= rounds; round++) {
                    throughput(run + "r" + round, id, editor, events, receiver);
                }
                latency(run, approvals, receiver);
            } finally {
                Stack.send("DELETE", "/manage/v1/webhooks/" + id, editor, null, null);
            }
            System.out.printf("Receiver: %d requests, %d with a bad signature%n", receiver.requests.get(),
                    receiver.badSignatures.get());
        }
    }

    /**
     * Queues {@code count} article.published events while the subscription is disabled (they are held),
     * then enables it and times the backlog's delivery.
     */
    private static void throughput(String run, long id, String editor, int count, Receiver receiver) throws Exception {
        System.out.printf("%nThroughput: publishing %d articles while the subscription is disabled%n", count);
        setEnabled(id, editor, false, receiver);
        List<long[]> articles = submitted("wh-tp-" + run, count);
        approveInBulk(articles);
        JsonNode subscription;
        do {
            Thread.sleep(500);
            subscription = JSON.readTree(Stack.send("GET", "/manage/v1/webhooks/" + id, editor, null, null).body());
        } while (subscription.path("pendingDeliveries").asInt() < count);
        String prefix = "wh-tp-" + run + "-";
        long start = System.nanoTime();
        setEnabled(id, editor, true, receiver);
        System.out.printf("  enabling took %.1f ms%n", (System.nanoTime() - start) / 1e6);
        while (receiver.countWithPrefix(prefix) < count) {
            Thread.sleep(5);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Delivered a backlog of %d events in %.2f s = %.0f events/s%n", count, seconds, count / seconds);
    }

    private static void setEnabled(long id, String editor, boolean enabled, Receiver receiver) throws Exception {
        HttpResponse<String> current = Stack.send("GET", "/manage/v1/webhooks/" + id, editor, null, null);
        HttpResponse<String> changed = Stack.send("PUT", "/manage/v1/webhooks/" + id, editor,
                current.headers().firstValue("ETag").orElseThrow(), Map.of("url", receiver.url(), "eventTypes",
                        List.of("article.published"), "enabled", enabled));
        if (changed.statusCode() != 200) {
            throw new IllegalStateException("Could not set enabled=" + enabled + ": " + changed.body());
        }
    }

    /** Approves articles one at a time and times approve -> the receiver seeing article.published. */
    private static void latency(String run, int count, Receiver receiver) throws Exception {
        System.out.printf("%nLatency: %d approvals, one at a time%n", count);
        List<long[]> articles = submitted("wh-lat-" + run, count);
        String reviewer = Stack.token("reviewer1");
        List<Long> toReceiver = new ArrayList<>();
        List<Long> approveCall = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            long[] article = articles.get(i);
            String slug = "wh-lat-" + run + "-" + i;
            long start = System.nanoTime();
            HttpResponse<String> approved = Stack.send("POST", "/manage/v1/articles/" + article[0] + "/transitions",
                    reviewer, "\"" + article[1] + "\"", Map.of("action", "approve"));
            long answered = System.nanoTime();
            if (approved.statusCode() != 200) {
                throw new IllegalStateException("approve failed: " + approved.body());
            }
            Long seen;
            while ((seen = receiver.firstSeen.get(slug)) == null) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("no webhook for " + slug + " after 30 s");
                }
                Thread.sleep(0, 200_000);
            }
            toReceiver.add((seen - start) / 1_000);
            approveCall.add((answered - start) / 1_000);
            Thread.sleep(20);
        }
        report("approve call returned", approveCall);
        report("approve -> receiver saw the event", toReceiver);
    }

    /** Imports and submits articles; returns their id and version. */
    private static List<long[]> submitted(String prefix, int count) throws Exception {
        ArticleGenerator generator = new ArticleGenerator(11, 2_000);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(JSON.writeValueAsString(generator.article(prefix + "-" + i, "conditions", "samuel-okafor")))
                    .append('\n');
        }
        JsonNode job = Stack.importLines("writer2", lines.toString(), true);
        JsonNode results = JSON.readTree(Stack.HTTP.send(HttpRequest.newBuilder(URI.create(Stack.DESK
                + "/manage/v1/imports/" + job.path("id").asLong())).header("Authorization", "Bearer "
                        + Stack.token("writer2"))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("results");
        List<long[]> articles = new ArrayList<>();
        for (JsonNode line : results) {
            if (line.path("result").asText().equals("created")) {
                articles.add(new long[]{line.path("articleId").asLong(), line.path("version").asLong()});
            }
        }
        if (articles.size() != count) {
            throw new IllegalStateException("only " + articles.size() + " of " + count + " imported");
        }
        return articles;
    }

    private static void approveInBulk(List<long[]> articles) throws Exception {
        String reviewer = Stack.token("reviewer1");
        for (int from = 0; from < articles.size(); from += 200) {
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (long[] article : articles.subList(from, Math.min(articles.size(), from + 200))) {
                chunk.add(Map.of("id", article[0], "version", article[1]));
            }
            HttpResponse<String> response = Stack.send("POST", "/manage/v1/review-queue/approvals", reviewer, null,
                    Map.of("articles", chunk, "comment", "Benchmark approval"));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Bulk approval failed: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static void report(String what, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s: n=%d median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.9)) / 1000.0,
                sorted.get((int) (sorted.size() * 0.99)) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** A fast receiver on 127.0.0.1 that checks each signature and notes when each article was first seen. */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(8);
        private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger badSignatures = new AtomicInteger();
        private volatile String secret;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
            server.createContext("/hook", this::handle);
            server.setExecutor(threads);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        long countWithPrefix(String prefix) {
            return firstSeen.keySet().stream().filter(slug -> slug.startsWith(prefix)).count();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long now = System.nanoTime();
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                requests.incrementAndGet();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                if (!verified(id, timestamp, signature, body)) {
                    badSignatures.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                String slug = JSON.readTree(body).path("data").path("slug").asText();
                firstSeen.putIfAbsent(slug, now);
                exchange.sendResponseHeaders(204, -1);
            }
        }

        private boolean verified(String id, String timestamp, String header, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                for (String candidate : header.split(" ")) {
                    if (candidate.startsWith("v1,")
                            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
