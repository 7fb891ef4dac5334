-- Search vocabulary groups added by editors at the desk (issue 14): each row is one group of terms that
-- mean the same to a reader, normalized and comma-separated, applied at query time on top of the file
-- core/src/main/resources/search/medical-vocabulary.txt. Adding one is audited; every api replica hears
-- of it on NOTIFY channel cms_search_vocabulary and applies it without a restart.
CREATE TABLE search_vocabulary_group (
    id         BIGSERIAL PRIMARY KEY,
    terms      VARCHAR(800) NOT NULL UNIQUE,
    created_by VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

-- The public api reads the terms (search.SearchIndex); see V17 for the role.
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_delivery') THEN
        GRANT SELECT (id, terms) ON search_vocabulary_group TO cms_delivery;
    END IF;
END
$$;
