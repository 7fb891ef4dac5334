package health.cms.delivery.apikey;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.ConfigProvider;

import health.cms.core.apikey.ApiKey;
import health.cms.core.apikey.ApiKeyScope;
import health.cms.core.apikey.ApiKeySecret;

/**
 * Keys issued, rotated and revoked the way admin-ui's desk does it (a row change and a NOTIFY in one
 * transaction), written as the schema's owner; the api under test hears about them like in production.
 */
final class IssuedKeys {

    private IssuedKeys() {
    }

    /** A new working key of this scope; returns the key as a partner would send it, and its id. */
    static Issued issue(String name, ApiKeyScope scope) {
        ApiKeySecret secret = ApiKeySecret.generate();
        long id = update("""
                WITH k AS (INSERT INTO api_key (name, scope, key_prefix, key_hash, created_at, created_by)
                           VALUES (?, ?, ?, ?, now(), 'editor1') RETURNING id)
                SELECT id, pg_notify(?, '') FROM k""", name, scope.value(), secret.prefix(), secret.hash(),
                ApiKey.CHANGED_CHANNEL);
        return new Issued(id, secret.key());
    }

    /** A new secret for key {@code id}; the old one stops working. */
    static String rotate(long id) {
        ApiKeySecret secret = ApiKeySecret.generate();
        update("""
                WITH k AS (UPDATE api_key SET key_hash = ?, key_prefix = ?, rotated_at = now() WHERE id = ? RETURNING id)
                SELECT id, pg_notify(?, '') FROM k""", secret.hash(), secret.prefix(), id, ApiKey.CHANGED_CHANNEL);
        return secret.key();
    }

    static void revoke(long id) {
        update("""
                WITH k AS (UPDATE api_key SET revoked_at = now(), revoked_by = 'editor1' WHERE id = ? RETURNING id)
                SELECT id, pg_notify(?, '') FROM k""", id, ApiKey.CHANGED_CHANNEL);
    }

    /** {@code request_count} and whether {@code last_used_at} is set, as "count/used". */
    static String usage(long id) {
        try (Connection owner = owner();
                PreparedStatement select = owner.prepareStatement(
                        "SELECT request_count, last_used_at IS NOT NULL FROM api_key WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "/" + (rs.getBoolean(2) ? "used" : "never");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Issued(long id, String key) {
    }

    private static long update(String sql, Object... params) {
        try (Connection owner = owner(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
    }
}
