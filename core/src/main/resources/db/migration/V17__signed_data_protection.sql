-- The database itself protects what reviewers signed (issue 13, point 8).
--
-- 1. Revisions with their byline, tags and references, sign-offs and the audit trail are written once:
--    UPDATE, DELETE and TRUNCATE raise an exception for every role, the application's included. The app
--    never changes these rows (Revision, SignOff and AuditEvent are @Immutable; a restore only inserts into
--    an empty database). Only a role that may disable triggers (the owner) can still remove rows, which
--    the keyed audit checkpoints below make visible.
-- 2. audit_checkpoint anchors the head of the audit chain: written in the same transaction as each event,
--    with an HMAC (key CMS_AUDIT_KEY, never in the database) over the event's id, hash and position. A
--    trail whose tail was cut off ends before a checkpoint, and a rewritten chain no longer matches one.
-- 3. cms_delivery is the public api's read-only role: SELECT on the columns the delivery API reads,
--    nothing else (no revision, no draft, no write). Created here only where the migrating user may
--    create roles; on managed PostgreSQL an administrator creates it (README, "Database roles").

CREATE FUNCTION refuse_rewriting_signed_data() RETURNS trigger AS
$$
BEGIN
    RAISE EXCEPTION '% is written once: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TABLE audit_checkpoint (
    id          BIGSERIAL PRIMARY KEY,
    -- the event it anchors; a row here keeps that event from being deleted even with triggers disabled
    event_id    BIGINT      NOT NULL UNIQUE REFERENCES audit_event (id),
    -- how many events the chain holds up to and including that one
    event_count BIGINT      NOT NULL CHECK (event_count > 0),
    event_hash  VARCHAR(64) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    -- HMAC-SHA256 of the three fields above with the audit key, hex
    mac         VARCHAR(64) NOT NULL
);

DO
$$
DECLARE
    protected TEXT;
BEGIN
    FOREACH protected IN ARRAY ARRAY ['revision', 'revision_author', 'revision_tag', 'revision_reference',
        'sign_off', 'audit_checkpoint']
    LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I '
                           'FOR EACH ROW EXECUTE FUNCTION refuse_rewriting_signed_data()',
                       protected || '_written_once', protected);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I '
                           'FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_signed_data()',
                       protected || '_never_truncated', protected);
    END LOOP;
END
$$;

-- audit_event has refused UPDATE and DELETE since V1; a row trigger does not see TRUNCATE.
CREATE TRIGGER audit_event_never_truncated
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewriting_signed_data();

DO
$$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_delivery') THEN
        IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            RAISE WARNING 'Role cms_delivery does not exist and % may not create it: the public api cannot '
                'run read-only until an administrator creates it and grants it the read model (see the README, '
                '"Database roles")', current_user;
            RETURN;
        END IF;
        BEGIN
            CREATE ROLE cms_delivery NOLOGIN;
        EXCEPTION
            WHEN duplicate_object THEN
                NULL; -- roles belong to the server: another database's migration created it just now
        END;
    END IF;
    -- Exactly what the delivery API reads (api: store.PublishedArticles, catalog.CatalogQueries,
    -- feed.PublishedCorrections). A migration that adds a column the api reads must grant it too.
    GRANT USAGE ON SCHEMA public TO cms_delivery;
    GRANT SELECT ON published_article, slug_redirect TO cms_delivery;
    GRANT SELECT (slug, name, description, review_interval_months) ON category TO cms_delivery;
    GRANT SELECT (slug, name) ON tag TO cms_delivery;
    GRANT SELECT (slug, display_name, credentials, bio, website, avatar_url, specialties, is_author, is_reviewer)
        ON profile TO cms_delivery;
    GRANT SELECT (id, article_id, change_class, note, published_at) ON correction TO cms_delivery;
END
$$;
