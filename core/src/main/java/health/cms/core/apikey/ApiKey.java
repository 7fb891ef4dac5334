package health.cms.core.apikey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import health.cms.core.refusal.Refusal;

/**
 * A named key a downstream site sends to the public api; only its hash is kept, and a revoked key stays
 * listed (with its usage) but never works again.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    /**
     * The NOTIFY channel on which every change to a key is announced (empty payload), so each api replica
     * re-reads its keys at once.
     */
    public static final String CHANGED_CHANNEL = "api_key_changed";

    /** The longest name an editor may give a key. */
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String scope;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "rotated_at")
    private Instant rotatedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    // Written by the api's usage batches, never by this entity: read-only here so a desk save cannot undo a count.
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "request_count", insertable = false, updatable = false)
    private long requestCount;

    @Version
    private long version;

    protected ApiKey() {
    }

    public ApiKey(String name, ApiKeyScope scope, ApiKeySecret secret, String createdBy, Instant now) {
        this.name = name;
        this.scope = scope.value();
        this.keyPrefix = secret.prefix();
        this.keyHash = secret.hash();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Replaces the secret: the old key stops working at once, the new one is shown to the caller once. */
    public void rotate(ApiKeySecret secret, Instant now) {
        requireActive();
        this.keyPrefix = secret.prefix();
        this.keyHash = secret.hash();
        this.rotatedAt = now;
    }

    /** Ends the key for good; its record and usage stay for the desk. */
    public void revoke(String by, Instant now) {
        requireActive();
        this.revokedAt = now;
        this.revokedBy = by;
    }

    private void requireActive() {
        if (revokedAt != null) {
            throw Refusal.conflict("API key '" + name + "' was revoked; issue a new key instead");
        }
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ApiKeyScope scope() {
        return ApiKeyScope.fromValue(scope);
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant rotatedAt() {
        return rotatedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public long requestCount() {
        return requestCount;
    }

    public long version() {
        return version;
    }
}
