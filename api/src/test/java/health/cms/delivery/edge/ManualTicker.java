package health.cms.delivery.edge;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** Time that stands still until a test moves it, selected by the test profiles that ask for it. */
@Alternative
@Singleton
public class ManualTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Override
    public long nanoTime() {
        return now.get();
    }
}
