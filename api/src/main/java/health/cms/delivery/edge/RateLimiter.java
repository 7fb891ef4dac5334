package health.cms.delivery.edge;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per client, kept as the generic cell rate algorithm: each client has one number, the
 * time at which its bucket will be full again ("theoretical arrival time"), moved forward by one
 * emission interval per request with a compare-and-set. That is the same limit as a bucket of
 * {@code burst} tokens refilled at {@code perSecond}, without a lock or a refill timer. Clients live in
 * a size-bounded Caffeine cache and are forgotten once their bucket has refilled.
 */
@ApplicationScoped
public class RateLimiter {

    private final boolean enabled;
    private final long interval;
    private final long tolerance;
    private final Ticker ticker;
    private final Cache<String, AtomicLong> clients;

    @Inject
    RateLimiter(RateLimitConfig config, Ticker ticker) {
        this(config.perSecond(), config.burst(), config.maxClients(), ticker);
    }

    RateLimiter(int perSecond, int burst, int maxClients, Ticker ticker) {
        this.enabled = perSecond > 0;
        this.interval = enabled ? TimeUnit.SECONDS.toNanos(1) / perSecond : 0;
        this.tolerance = interval * Math.max(0, burst - 1);
        this.ticker = ticker;
        // A bucket untouched for longer than it takes to refill is full: forgetting it changes nothing.
        Duration refill = Duration.ofNanos(tolerance + interval).plusSeconds(1);
        this.clients = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(refill)
                .ticker(ticker::nanoTime).build();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Takes one token from the client's bucket: 0 when the request may pass, otherwise how many
     * nanoseconds until it would.
     */
    public long acquire(String client) {
        if (!enabled) {
            return 0;
        }
        AtomicLong full = clients.get(client, c -> new AtomicLong(Long.MIN_VALUE));
        long now = ticker.nanoTime();
        while (true) {
            long current = full.get();
            long start = current == Long.MIN_VALUE || current - now < 0 ? now : current;
            long wait = start - now - tolerance;
            if (wait > 0) {
                return wait;
            }
            if (full.compareAndSet(current, start + interval)) {
                return 0;
            }
        }
    }

    long trackedClients() {
        clients.cleanUp();
        return clients.estimatedSize();
    }
}
