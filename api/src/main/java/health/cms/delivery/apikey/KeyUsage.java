package health.cms.delivery.apikey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Counts each key's requests in memory and adds them to {@code api_key} in one batch every few seconds, so a
 * busy key costs no database write per request. Counts that could not be written are kept for the next batch.
 */
@ApplicationScoped
public class KeyUsage {

    private static final Logger LOG = Logger.getLogger(KeyUsage.class);

    /** One key's requests since the last batch, and when it was last used (epoch millis). */
    private record Usage(LongAdder requests, AtomicLong lastUsed) {
    }

    private final DataSource primary;
    private final Clock clock;
    private final Map<Long, Usage> pending = new ConcurrentHashMap<>();

    KeyUsage(DataSource primary, Clock clock) {
        this.primary = primary;
        this.clock = clock;
    }

    /** One request made with key {@code id}. */
    public void count(long id) {
        Usage usage = pending.computeIfAbsent(id, k -> new Usage(new LongAdder(), new AtomicLong()));
        usage.requests().increment();
        usage.lastUsed().set(clock.millis());
    }

    /** Writes the counts gathered since the last batch; returns how many keys were updated. */
    public int flush() {
        Map<Long, long[]> batch = new java.util.HashMap<>();
        pending.forEach((id, usage) -> {
            long requests = usage.requests().sumThenReset();
            if (requests > 0) {
                batch.put(id, new long[]{requests, usage.lastUsed().get()});
            }
        });
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection connection = primary.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        UPDATE api_key SET request_count = request_count + ?,
                            last_used_at = GREATEST(COALESCE(last_used_at, ?), ?) WHERE id = ?""")) {
            for (Map.Entry<Long, long[]> entry : batch.entrySet()) {
                Timestamp lastUsed = new Timestamp(entry.getValue()[1]);
                update.setLong(1, entry.getValue()[0]);
                update.setTimestamp(2, lastUsed);
                update.setTimestamp(3, lastUsed);
                update.setLong(4, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
            return batch.size();
        } catch (SQLException e) {
            LOG.warn("Could not record the usage of " + batch.size() + " API keys, retrying with the next batch: "
                    + e.getMessage());
            batch.forEach((id, counted) -> pending.get(id).requests().add(counted[0]));
            return 0;
        }
    }
}
