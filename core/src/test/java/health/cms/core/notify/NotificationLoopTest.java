package health.cms.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import health.cms.core.testing.EmbeddedDatabase;

class NotificationLoopTest {

    /** Records what the loop tells it. */
    private static class Recorder implements ChannelListener {

        private final String channel;
        private final boolean listening;
        final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();

        Recorder(String channel, boolean listening) {
            this.channel = channel;
            this.listening = listening;
        }

        @Override
        public String channel() {
            return channel;
        }

        @Override
        public boolean listening() {
            return listening;
        }

        @Override
        public void notified(String payload) {
            payloads.add(payload);
        }

        @Override
        public void connected() {
            connects.incrementAndGet();
        }

        @Override
        public void disconnected() {
            disconnects.incrementAndGet();
        }
    }

    private final String url = EmbeddedDatabase.createDatabase();
    private final Recorder content = new Recorder("cms_test_content", true);
    private final Recorder alsoContent = new Recorder("cms_test_content", true);
    private final Recorder outbox = new Recorder("cms_test_outbox", true);
    private final Recorder switchedOff = new Recorder("cms_test_off", false);
    private NotificationLoop loop;

    @BeforeEach
    void startLoop() {
        loop = new NotificationLoop(url, "postgres", "postgres");
        ChannelListener failing = new Recorder("cms_test_content", true) {

            @Override
            public void notified(String payload) {
                throw new IllegalStateException("a broken listener");
            }
        };
        loop.start(List.of(failing, content, alsoContent, outbox, switchedOff));
        await(loop::connected, "the loop to listen");
    }

    @AfterEach
    void stopLoop() {
        loop.stop();
    }

    @Test
    void aNotificationReachesEveryListenerOfItsChannelAndNoOther() throws Exception {
        notify("cms_test_content", "flu-vaccine");
        assertEquals("flu-vaccine", content.payloads.poll(5, TimeUnit.SECONDS));
        assertEquals("flu-vaccine", alsoContent.payloads.poll(5, TimeUnit.SECONDS), "despite a failing listener");
        notify("cms_test_outbox", "");
        assertEquals("", outbox.payloads.poll(5, TimeUnit.SECONDS));
        assertTrue(content.payloads.isEmpty(), "one channel's notification is not another's");
        notify("cms_test_off", "x");
        assertNull(switchedOff.payloads.poll(500, TimeUnit.MILLISECONDS), "a listener that does not listen hears nothing");
        assertEquals(1, loopConnections("count(*)"), "one connection for every channel");
    }

    @Test
    void afterTheConnectionIsKilledItReconnectsTellsTheListenersAndDeliversAgain() throws Exception {
        assertEquals(1, content.connects.get());
        assertEquals(1, loopConnections("count(pg_terminate_backend(pid))"), "killed");
        await(() -> content.disconnects.get() >= 1 && content.connects.get() == 2, "the loop to reconnect");
        assertTrue(outbox.connects.get() == 2 && outbox.disconnects.get() >= 1, "every listener is told");
        notify("cms_test_content", "after-reconnect");
        assertEquals("after-reconnect", content.payloads.poll(5, TimeUnit.SECONDS));
    }

    private void notify(String channel, String payload) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.execute();
        }
    }

    /** Counts the loop's connections, or kills them as a failover or an administrator would. */
    private int loopConnections(String aggregate) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("SELECT " + aggregate + """
                        FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()""")) {
            s.setString(1, NotificationLoop.APPLICATION_NAME);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
