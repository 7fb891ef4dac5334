-- The writer's desk, round 2 (issue 19): trust and search fields, structured references.
--
-- 1. How a revision appears in search results and social shares. All optional; added with defaults so no
--    existing row is rewritten (revision is written once, V17). Meta title, description and social image are
--    what readers see of the article elsewhere, so they are in the content hash when set; the canonical URL and
--    noindex are instructions to machines and are not (README, "The writer's desk").
ALTER TABLE revision
    ADD COLUMN meta_title       VARCHAR(300),
    ADD COLUMN meta_description VARCHAR(1000),
    ADD COLUMN canonical_url    VARCHAR(1000),
    ADD COLUMN social_image_url VARCHAR(1000),
    ADD COLUMN noindex          BOOLEAN NOT NULL DEFAULT FALSE;

-- 2. A reference as structured fields beside its citation text (which is composed from them when left out).
ALTER TABLE revision_reference
    ADD COLUMN authors VARCHAR(1000),
    ADD COLUMN title   VARCHAR(1000),
    ADD COLUMN source  VARCHAR(300),
    ADD COLUMN year    SMALLINT CHECK (year BETWEEN 1000 AND 2999);

-- The preview role reads a working revision as it would be served, with these fields.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_preview') THEN
        GRANT SELECT (meta_title, meta_description, canonical_url, social_image_url, noindex) ON revision TO cms_preview;
    END IF;
END
$$;
