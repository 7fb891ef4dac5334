package health.cms.delivery.edge;

import jakarta.inject.Singleton;

/** The JVM's monotonic clock: unlike the wall clock it never jumps when the system time is corrected. */
@Singleton
public class SystemTicker implements Ticker {

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
