package health.cms.delivery.apikey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import health.cms.core.apikey.ApiKeyScope;

/**
 * The working API keys as one immutable map from hash to key, read from the primary (a revocation must not wait
 * for a replica) and swapped whole, so checking a key on the event loop is a hash and a map lookup.
 */
@ApplicationScoped
public class KnownKeys {

    /** A working key as the edge needs it. */
    public record Key(long id, ApiKeyScope scope) {
    }

    private static final Logger LOG = Logger.getLogger(KnownKeys.class);

    private final DataSource primary;
    private volatile Map<String, Key> byHash = Map.of();

    KnownKeys(DataSource primary) {
        this.primary = primary;
    }

    /** The working key with this hash, or null. */
    public Key find(String hash) {
        return byHash.get(hash);
    }

    /** Re-reads every working key; on failure the keys read last stay in force and the failure is logged. */
    public void reload() {
        try (Connection connection = primary.getConnection();
                PreparedStatement select = connection
                        .prepareStatement("SELECT id, scope, key_hash FROM api_key WHERE revoked_at IS NULL");
                ResultSet rs = select.executeQuery()) {
            Map<String, Key> keys = new HashMap<>();
            while (rs.next()) {
                keys.put(rs.getString("key_hash"), new Key(rs.getLong("id"), ApiKeyScope.fromValue(rs.getString("scope"))));
            }
            byHash = Map.copyOf(keys);
        } catch (SQLException e) {
            LOG.warn("Could not re-read the API keys, keeping the " + byHash.size() + " read before: " + e.getMessage());
        }
    }
}
