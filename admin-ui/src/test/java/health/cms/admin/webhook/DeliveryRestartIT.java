package health.cms.admin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedDatabase;
import health.cms.webhooks.WebhookSignatures;
import health.cms.webhooks.testing.TestReceiver;

/**
 * The packaged admin-ui as a real process, killed (SIGKILL) in the middle of a delivery backlog and
 * replaced by a new process: every event still arrives, in order per article, and only the deliveries
 * that were in flight at the kill arrive twice (at-least-once, receivers dedupe by webhook-id).
 * Ports 29081/29082 (the launcher's own test uses 28xxx).
 */
class DeliveryRestartIT {

    private static final int ARTICLES = 20;
    private static final int EVENTS_PER_ARTICLE = 8;
    private static final int IN_FLIGHT_PER_SUBSCRIPTION = 4;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String jdbcUrl = EmbeddedDatabase.createDatabase();

    @Test
    void killingAdminUiMidBacklogLosesNothing() throws Exception {
        String secret = WebhookSignatures.newSecret();
        try (TestReceiver receiver = new TestReceiver(Instant::now)) {
            receiver.trust(secret).answerAfter(Duration.ofMillis(100));
            Process first = start("first", 29081);
            try {
                awaitReady(first, 29081);
                List<String> expected = backlog(receiver.url(), secret);
                waitFor(() -> receiver.accepted().size() >= 30, Duration.ofSeconds(60), "the first instance to deliver");
                first.destroyForcibly().waitFor();
                int deliveredBeforeKill = receiver.accepted().size();
                assertTrue(deliveredBeforeKill < expected.size(), "killed mid-backlog: " + deliveredBeforeKill);

                Process second = start("second", 29082);
                try {
                    awaitReady(second, 29082);
                    waitFor(() -> receiver.accepted().stream().map(TestReceiver.Received::id).distinct().count() == expected
                            .size(), Duration.ofSeconds(120), "every event to arrive");
                    waitFor(() -> pendingDeliveries() == 0, Duration.ofSeconds(30), "the log to show every delivery done");
                } finally {
                    second.destroy();
                    second.waitFor();
                }

                assertTrue(receiver.all().stream().allMatch(TestReceiver.Received::verified));
                Map<String, Long> times = receiver.accepted().stream()
                        .collect(Collectors.groupingBy(TestReceiver.Received::id, Collectors.counting()));
                assertEquals(expected.size(), times.size(), "every event arrived");
                long duplicates = times.values().stream().mapToLong(n -> n - 1).sum();
                long interrupted = count("SELECT count(*) FROM webhook_attempt WHERE outcome = 'interrupted'");
                assertTrue(interrupted <= IN_FLIGHT_PER_SUBSCRIPTION, "only in-flight deliveries were interrupted: "
                        + interrupted);
                assertTrue(duplicates <= interrupted, duplicates + " duplicates, " + interrupted + " interrupted");

                Map<String, List<String>> firstArrivalPerArticle = new LinkedHashMap<>();
                List<String> seen = new ArrayList<>();
                for (TestReceiver.Received r : receiver.accepted()) {
                    if (!seen.contains(r.id())) {
                        seen.add(r.id());
                        firstArrivalPerArticle.computeIfAbsent(r.slug(), slug -> new ArrayList<>()).add(r.id());
                    }
                }
                Map<String, List<String>> outboxOrder = outboxOrderPerArticle();
                assertEquals(outboxOrder, firstArrivalPerArticle, "in order per article");
            } finally {
                first.destroyForcibly();
            }
        }
    }

    private Process start(String name, int port) throws IOException {
        Path log = Path.of("target", "restart-it-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                // both instances run at once: each needs its own metrics port
                "-Dquarkus.management.port=" + (port + 1000),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                // no Keycloak here: this test never logs in
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dquarkus.oidc.manage.tenant-enabled=false",
                "-Dcms.scheduler.every=off",
                // production refuses the published default of the share-link key
                "-Dcms.preview.link-key=delivery-restart-it-preview-link-key-not-published",
                "-Dcms.webhooks.allow-private-targets=true",
                "-Dcms.webhooks.every=500ms",
                "-Dcms.webhooks.connect-timeout=1s",
                "-Dcms.webhooks.request-timeout=2s",
                "-Dcms.webhooks.lease=8s",
                "-Dcms.webhooks.max-in-flight-per-subscription=" + IN_FLIGHT_PER_SUBSCRIPTION,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(Process process, int port) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "admin-ui stopped during start-up; see target/restart-it-*.log");
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("admin-ui was not ready on port " + port);
    }

    /** Articles and their committed outbox events, as the workflow would have written them, and a subscription. */
    private List<String> backlog(String url, String secret) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO webhook_subscription (url, event_types, secret, enabled, created_by, created_at, updated_at)
                        VALUES ('%s', '{article.updated}', '%s', TRUE, 'editor1', now() - interval '1 hour', now())"""
                        .formatted(url, secret));
            }
            List<Long> articles = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO article (slug, status, created_at, updated_at) VALUES (?, 'draft', now(), now()) RETURNING id")) {
                for (int i = 0; i < ARTICLES; i++) {
                    insert.setString(1, "restart-" + i);
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        articles.add(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement event = c.prepareStatement("""
                    INSERT INTO outbox_event (event_type, article_id, slug, revision, occurred_at, payload)
                    VALUES ('article.updated', ?, ?, ?, now(), '{}') RETURNING id""")) {
                for (int revision = 1; revision <= EVENTS_PER_ARTICLE; revision++) {
                    for (int i = 0; i < ARTICLES; i++) {
                        event.setLong(1, articles.get(i));
                        event.setString(2, "restart-" + i);
                        event.setInt(3, revision);
                        try (ResultSet rs = event.executeQuery()) {
                            rs.next();
                            messages.add("msg_" + rs.getLong(1));
                        }
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("NOTIFY cms_outbox");
            }
            c.commit();
        }
        return messages;
    }

    private Map<String, List<String>> outboxOrderPerArticle() throws SQLException {
        Map<String, List<String>> order = new HashMap<>();
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slug, id FROM outbox_event ORDER BY id")) {
            while (rs.next()) {
                order.computeIfAbsent(rs.getString(1), slug -> new ArrayList<>()).add("msg_" + rs.getLong(2));
            }
        }
        return order;
    }

    private long pendingDeliveries() {
        try {
            return count("SELECT count(*) FROM webhook_delivery WHERE state <> 'delivered'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
