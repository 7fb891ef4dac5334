package health.cms.admin.webhook;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import health.cms.admin.config.CmsConfig;
import health.cms.core.outbox.Outbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Wakes the delivery worker as soon as an outbox event commits (PostgreSQL NOTIFY from the workflow's
 * outbox, sent on commit), so a change reaches receivers in milliseconds rather than at the next poll.
 * Polling stays the safety net: a lost connection only delays deliveries until the next poll.
 */
@ApplicationScoped
public class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final int POLL_MILLIS = 500;

    private final DeliveryWorker worker;
    private final boolean enabled;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running;
    private Thread thread;

    OutboxListener(DeliveryWorker worker, CmsConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.worker = worker;
        this.enabled = !config.webhooks().every().equals("off");
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean connected = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + Outbox.CHANNEL);
                connected = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        worker.newWork();
                    }
                }
            } catch (SQLException e) {
                if (connected && running) {
                    LOG.warnf("Lost the outbox notification connection (%s); deliveries wait for the next poll"
                            + " until it is back", e.getMessage());
                }
                connected = false;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
