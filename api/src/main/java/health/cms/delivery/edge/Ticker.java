package health.cms.delivery.edge;

/** The monotonic time the rate limit counts in, a bean so tests move it by hand instead of sleeping. */
public interface Ticker {

    /** Nanoseconds from an arbitrary origin, never going back (like {@link System#nanoTime()}). */
    long nanoTime();
}
