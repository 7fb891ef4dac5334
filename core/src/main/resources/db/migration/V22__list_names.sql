-- What a list item shows of an article's category, tags and authors (slugs and names), kept beside the
-- document so a list reads a few hundred bytes per row instead of decompressing each whole document
-- (about 16 KB of JSON, stored compressed out of line). Derived by PostgreSQL, so every writer of the read
-- model (publication, restore) keeps them right without knowing they exist. (Separate columns because
-- jsonb_build_object is not immutable, which a generated column requires.)
ALTER TABLE published_article
    ADD COLUMN list_category jsonb GENERATED ALWAYS AS (document -> 'category') STORED,
    ADD COLUMN list_tags jsonb GENERATED ALWAYS AS (document -> 'tags') STORED,
    ADD COLUMN list_author_slugs jsonb GENERATED ALWAYS AS (jsonb_path_query_array(document, '$.authors[*].slug')) STORED,
    ADD COLUMN list_author_names jsonb GENERATED ALWAYS AS (jsonb_path_query_array(document, '$.authors[*].name')) STORED;
