package health.cms.admin.apikey;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

import health.cms.core.apikey.ApiKey;

/**
 * An API key as editors and the management API see it: never the key itself, only its first characters,
 * with its usage as the api last reported it (batched, so up to a few seconds behind).
 */
public record ApiKeyView(long id, String name, String scope, String keyPrefix, Instant createdAt, String createdBy,
        Instant rotatedAt, Instant revokedAt, String revokedBy, Instant lastUsedAt, long requestCount, long version) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id(), key.name(), key.scope().value(), key.keyPrefix(), key.createdAt(), key.createdBy(),
                key.rotatedAt(), key.revokedAt(), key.revokedBy(), key.lastUsedAt(), key.requestCount(), key.version());
    }

    /** False once revoked; in the JSON too, so a client need not know what a missing {@code revokedAt} means. */
    @JsonProperty("active")
    public boolean active() {
        return revokedAt == null;
    }
}
