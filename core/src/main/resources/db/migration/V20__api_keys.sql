-- API keys for downstream developers (issue 17). Editors issue them in the desk; the public api checks them.
--
-- Only the SHA-256 of a key is stored: a key is 256 random bits, so a fast hash is enough to make a leaked
-- table useless, and the api can check a key with one hash and one map lookup. key_prefix (the key's first
-- characters) lets editors and partners tell keys apart without the secret.
CREATE TABLE api_key (
    id            BIGSERIAL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    -- delivery: a higher rate limit on the delivery API; preview: that, plus drafts on the preview API
    scope         VARCHAR(16)  NOT NULL CHECK (scope IN ('delivery', 'preview')),
    key_prefix    VARCHAR(16)  NOT NULL,
    key_hash      VARCHAR(64)  NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(255) NOT NULL,
    rotated_at    TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    revoked_by    VARCHAR(255),
    -- written by the api in batches (a few seconds apart), never once per request
    last_used_at  TIMESTAMPTZ,
    request_count BIGINT       NOT NULL DEFAULT 0 CHECK (request_count >= 0),
    version       BIGINT       NOT NULL DEFAULT 0
);

-- The api reads the keys and adds its usage counts (adding to a column needs reading it); it may not see who
-- issued a key, nor change anything else. Granted only where V17 could create the role (README, "Database roles").
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_delivery') THEN
        GRANT SELECT (id, scope, key_hash, revoked_at, last_used_at, request_count) ON api_key TO cms_delivery;
        GRANT UPDATE (last_used_at, request_count) ON api_key TO cms_delivery;
    END IF;
END
$$;
