package health.cms.delivery.testing;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for what reaches the api asynchronously (a publish or unpublish reaches the search index through
 * PostgreSQL NOTIFY): repeats a check until it passes or the time is up, then fails with its last error.
 */
public final class Eventually {

    /** How long the search index may take to show a change: the promise. */
    public static final Duration SEARCH = Duration.ofSeconds(1);
    /** Slack for a loaded test machine, so the tests measure correctness and the 1 s test measures speed. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static void check(Runnable check) {
        get(() -> {
            check.run();
            return null;
        }, PATIENCE);
    }

    public static <T> T get(Supplier<T> check, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                return check.get();
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(25);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
