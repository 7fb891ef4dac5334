package health.cms.webhooks.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1 for the tests. It verifies every request's Standard Webhooks
 * signature with its own code (not the CMS's), answers 401 to a bad one, can fail the first N attempts
 * of each message or answer slowly, and records everything it saw.
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    public record Received(String id, long timestamp, String signature, String body, JsonNode json, boolean verified,
            int answered, int attemptOfMessage, String host) {

        public String type() {
            return json.path("type").asText();
        }

        public String slug() {
            return json.path("data").path("slug").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final Supplier<Instant> now;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile int failFirst;
    private volatile int failWith = 503;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    public TestReceiver(Supplier<Instant> now) throws IOException {
        this(now, new InetSocketAddress("127.0.0.1", 0));
    }

    /** A receiver on another loopback address or port, e.g. 127.0.0.2 on the port of another receiver. */
    public TestReceiver(Supplier<Instant> now, InetSocketAddress address) throws IOException {
        this.now = now;
        this.server = HttpServer.create(address, 0);
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The secrets a request may be signed with (the current one, and an old one during a rotation). */
    public TestReceiver trust(String... trusted) {
        secrets.clear();
        secrets.addAll(List.of(trusted));
        return this;
    }

    /** Answers {@code status} to the first {@code n} attempts of every message, then 200. */
    public TestReceiver failFirst(int n, int status) {
        this.failFirst = n;
        this.failWith = status;
        return this;
    }

    public TestReceiver answerAfter(Duration delay) {
        this.delay = delay;
        return this;
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    /** The requests answered with 2xx, in the order they were answered. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    /** The types of the requests whose signature verified, in arrival order. */
    public List<String> verifiedTypes() {
        return received.stream().filter(Received::verified).map(Received::type).toList();
    }

    /** The most requests this receiver was answering at the same time. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean verified = verify(id, timestamp, signature, body);
            int attempt = attempts.computeIfAbsent(String.valueOf(id), key -> new AtomicInteger()).incrementAndGet();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            int status = !verified ? 401 : attempt <= failFirst ? failWith : 200;
            received.add(new Received(id, timestamp == null ? -1 : Long.parseLong(timestamp), signature, body,
                    JSON.readTree(body), verified, status, attempt, exchange.getRequestHeaders().getFirst("Host")));
            byte[] answer = (status == 200 ? "ok" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The verification a receiver does, written from the Standard Webhooks specification. */
    private boolean verify(String id, String timestamp, String signatureHeader, String body) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.get().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        List<byte[]> expected = new ArrayList<>();
        for (String secret : secrets) {
            expected.add(hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    id + "." + timestamp + "." + body));
        }
        for (String candidate : signatureHeader.split(" ")) {
            if (!candidate.startsWith("v1,")) {
                continue;
            }
            byte[] given = Base64.getDecoder().decode(candidate.substring(3));
            for (byte[] mac : expected) {
                if (MessageDigest.isEqual(mac, given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
