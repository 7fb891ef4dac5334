package health.cms.delivery.apikey;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import health.cms.core.apikey.ApiKey;
import health.cms.core.notify.ChannelListener;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps {@link KnownKeys} current and {@link KeyUsage} written: the keys are read at start, again on every change
 * the desk announces (NOTIFY) and every {@code reload-every} in case a notification was missed; usage is written
 * every {@code usage-flush-every} and once more at shutdown. The work runs on a thread of its own, never on the
 * notification loop's.
 */
@ApplicationScoped
public class KeyUpkeep implements ChannelListener {

    private final KnownKeys keys;
    private final KeyUsage usage;
    private final ApiKeyConfig config;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "api-key-upkeep");
        thread.setDaemon(true);
        return thread;
    });

    KeyUpkeep(KnownKeys keys, KeyUsage usage, ApiKeyConfig config) {
        this.keys = keys;
        this.usage = usage;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        keys.reload();
        long reload = config.reloadEvery().toMillis();
        long flush = config.usageFlushEvery().toMillis();
        worker.scheduleWithFixedDelay(keys::reload, reload, reload, TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(usage::flush, flush, flush, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
        usage.flush();
    }

    @Override
    public String channel() {
        return ApiKey.CHANGED_CHANNEL;
    }

    @Override
    public void notified(String payload) {
        worker.execute(keys::reload);
    }

    @Override
    public void connected() {
        // Changes made while the connection was down were not heard.
        worker.execute(keys::reload);
    }
}
