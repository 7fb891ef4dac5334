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

-- cms_preview: what the api's preview API reads (api: preview.PreviewArticles) through a login of its own, so the
-- delivery role still reads no revision and no draft (the preview API answers preview-key holders only). Created,
-- like cms_delivery in V17, only where the migrating user may create roles; otherwise an administrator runs the
-- statements in the README ("Database roles").
DO
$$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_preview') THEN
        IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            RAISE WARNING 'Role cms_preview does not exist and % may not create it: the preview API answers 503 '
                'until an administrator creates it (see the README, "Database roles")', current_user;
            RETURN;
        END IF;
        BEGIN
            CREATE ROLE cms_preview NOLOGIN;
        EXCEPTION
            WHEN duplicate_object THEN
                NULL; -- roles belong to the server: another database's migration created it just now
        END;
    END IF;
    GRANT USAGE ON SCHEMA public TO cms_preview;
    GRANT SELECT (id, slug, status, live_revision_id, working_revision_id, first_published_at, last_reviewed_at,
        next_review_due, updated_at) ON article TO cms_preview;
    GRANT SELECT (id, article_id, number, title, summary, body_markdown, category_id, content_hash)
        ON revision TO cms_preview;
    GRANT SELECT ON revision_author, revision_tag, revision_reference TO cms_preview;
    GRANT SELECT (id, slug, name) ON category, tag TO cms_preview;
    GRANT SELECT (id, slug, display_name, credentials, bio, website, avatar_url) ON profile TO cms_preview;
    GRANT SELECT (revision_id, decision, reviewer_name, reviewer_credentials, content_hash, signed_at, conflict_statement)
        ON sign_off TO cms_preview;
    GRANT SELECT (article_id, change_class, note, published_at, id) ON correction TO cms_preview;
END
$$;

-- Share links (issue 17): an expiring, revocable link to one article's working revision. The token in the link
-- is signed (HMAC, CMS_PREVIEW_LINK_KEY) and names this row, so the api checks the signature and expiry without
-- the database and reads only whether the link was revoked.
CREATE TABLE share_link (
    id         BIGSERIAL PRIMARY KEY,
    article_id BIGINT       NOT NULL REFERENCES article (id),
    created_by VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    revoked_at TIMESTAMPTZ,
    revoked_by VARCHAR(255),
    CHECK (expires_at > created_at)
);

CREATE INDEX share_link_article_idx ON share_link (article_id, id);

DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_preview') THEN
        GRANT SELECT (id, article_id, expires_at, revoked_at) ON share_link TO cms_preview;
    END IF;
END
$$;
