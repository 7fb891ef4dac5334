package health.cms.delivery.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import health.cms.workflow.publication.PublicationProjector;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on the primary PostgreSQL for content changes (NOTIFY from the workflow's projector) and
 * evicts the affected cache entries, so every api replica serves a change within about a second.
 * When the connection drops, notifications may have been missed, so the whole cache is dropped.
 */
@ApplicationScoped
public class ContentChangeListener {

    private static final Logger LOG = Logger.getLogger(ContentChangeListener.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final ResponseCache cache;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    ContentChangeListener(ResponseCache cache, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.cache = cache;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "content-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean connected() {
        return connected;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + PublicationProjector.CHANNEL);
                cache.clear();
                connected = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            cache.changed(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (connected) {
                    LOG.warnf("Lost the content-change connection (%s); the cache is cleared until it is back",
                            e.getMessage());
                }
                connected = false;
                cache.clear();
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
