package health.cms.core.notify;

/**
 * A bean that hears PostgreSQL notifications on one channel, delivered by the one {@link NotificationLoop}
 * of its process. The callbacks run on the loop's thread: keep them short and never block on the database.
 */
public interface ChannelListener {

    /** The channel to LISTEN on: a plain lower-case identifier (a-z, digits, underscores). */
    String channel();

    /** Whether this instance listens at all (a worker switched off by configuration does not); asked once at start. */
    default boolean listening() {
        return true;
    }

    /** One notification on {@link #channel()}, with its payload (empty when the sender gave none). */
    void notified(String payload);

    /**
     * The connection listens (again). Anything sent while it was down was missed; a listener that keeps
     * derived state drops or re-reads it here.
     */
    default void connected() {
    }

    /** Connecting failed or the connection broke; called after each failed try until it is back. */
    default void disconnected() {
    }
}
