package health.cms.core.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The process's one LISTEN/NOTIFY connection: a dedicated JDBC connection outside the pool (a pooled
 * connection would lose its LISTENs when handed back) that listens on the channel of every
 * {@link ChannelListener} bean and hands each notification to the listeners of its channel. When the
 * connection breaks it reconnects with backoff (1 s, doubling up to 10 s) and tells the listeners, since
 * notifications sent in between are lost. No thread is started when no listener listens.
 */
@ApplicationScoped
public class NotificationLoop {

    private static final Logger LOG = Logger.getLogger(NotificationLoop.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int POLL_MILLIS = 250;
    /** The connection's application_name in pg_stat_activity. */
    static final String APPLICATION_NAME = "cms-notifications";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    private final Instance<ChannelListener> beans;
    private final String url;
    private final String user;
    private final String password;
    private List<ChannelListener> listeners = List.of();
    private volatile boolean running;
    private volatile boolean connected;
    private Thread thread;

    @Inject
    NotificationLoop(@Any Instance<ChannelListener> beans,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.beans = beans;
        this.url = url.orElse(null);
        this.user = user.orElse(null);
        this.password = password.orElse(null);
    }

    /** A loop outside CDI, for tests: {@link #start(List)} gives it its listeners. */
    NotificationLoop(String url, String user, String password) {
        this.beans = null;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        start(beans.stream().toList());
    }

    /** Starts the loop's thread if any of these listeners listens. */
    void start(List<ChannelListener> all) {
        listeners = all.stream().filter(ChannelListener::listening).toList();
        if (listeners.isEmpty()) {
            return;
        }
        if (url == null) {
            throw new IllegalStateException("Notification listeners need quarkus.datasource.jdbc.url");
        }
        listeners.stream().map(ChannelListener::channel).filter(channel -> !CHANNEL.matcher(channel).matches())
                .findFirst().ifPresent(bad -> {
                    throw new IllegalStateException("Not a plain lower-case channel name: " + bad);
                });
        running = true;
        thread = new Thread(this::run, "pg-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the connection is up and listening on every channel. */
    public boolean connected() {
        return connected;
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, properties());
                    Statement statement = connection.createStatement()) {
                for (String channel : listeners.stream().map(ChannelListener::channel).distinct().toList()) {
                    statement.execute("LISTEN " + channel);
                }
                connected = true;
                retry = FIRST_RETRY;
                listeners.forEach(listener -> call(listener, ChannelListener::connected));
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (connected) {
                    LOG.warnf("Lost the notification connection (%s); reconnecting", e.getMessage());
                }
                connected = false;
                listeners.forEach(listener -> call(listener, ChannelListener::disconnected));
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        // so an operator can tell this connection apart in pg_stat_activity
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return properties;
    }

    private void dispatch(PGNotification notification) {
        String payload = notification.getParameter() == null ? "" : notification.getParameter();
        for (ChannelListener listener : listeners) {
            if (listener.channel().equals(notification.getName())) {
                call(listener, l -> l.notified(payload));
            }
        }
    }

    /** One listener's failure must not stop the loop or keep the others from hearing. */
    private static void call(ChannelListener listener, Consumer<ChannelListener> callback) {
        try {
            callback.accept(listener);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Notification listener %s failed", listener.getClass().getName());
        }
    }
}
