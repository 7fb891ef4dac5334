-- Category and tag names per locale (issue 16). A translation is served with the name (and, when an editor gave
-- one, the slug) of its category and tags in its own language, falling back to the default name. The default
-- locale's name stays in category.name / tag.name; these rows hold the other languages.
CREATE TABLE category_name (
    category_id BIGINT       NOT NULL REFERENCES category (id) ON DELETE CASCADE,
    locale      VARCHAR(35)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    slug        VARCHAR(120),
    PRIMARY KEY (category_id, locale)
);
-- a localized slug names one category in its language
CREATE UNIQUE INDEX category_name_slug_idx ON category_name (locale, slug) WHERE slug IS NOT NULL;

CREATE TABLE tag_name (
    tag_id BIGINT       NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    locale VARCHAR(35)  NOT NULL,
    name   VARCHAR(200) NOT NULL,
    slug   VARCHAR(120),
    PRIMARY KEY (tag_id, locale)
);
CREATE UNIQUE INDEX tag_name_slug_idx ON tag_name (locale, slug) WHERE slug IS NOT NULL;

-- The public api lists categories and tags by their names in a language (api: catalog.CatalogQueries): it reads
-- these tables and the ids they point at. Granted only where V17 could create the role (README, "Database roles").
DO
$$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_delivery') THEN
        GRANT SELECT (id) ON category, tag TO cms_delivery;
        GRANT SELECT (category_id, locale, name, slug) ON category_name TO cms_delivery;
        GRANT SELECT (tag_id, locale, name, slug) ON tag_name TO cms_delivery;
    END IF;
END
$$;
