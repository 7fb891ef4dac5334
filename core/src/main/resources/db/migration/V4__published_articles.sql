-- The delivery read model: one row per live article, written by the workflow in the same transaction
-- that puts a revision live or takes it offline. The public API reads only this table, so nothing
-- that is not live can ever reach it, and every read is a single indexed lookup.
CREATE TABLE published_article (
    article_id         BIGINT PRIMARY KEY REFERENCES article (id),
    slug               VARCHAR(200) NOT NULL UNIQUE,
    revision_id        BIGINT       NOT NULL REFERENCES revision (id),
    title              VARCHAR(300) NOT NULL,
    summary            TEXT         NOT NULL,
    body_text          TEXT         NOT NULL,
    category_slug      VARCHAR(120) NOT NULL,
    tag_slugs          TEXT[]       NOT NULL,
    author_slugs       TEXT[]       NOT NULL,
    first_published_at TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    next_review_due    TIMESTAMPTZ,
    -- the full public view except the time-dependent review status, as the API serves it
    document           JSONB        NOT NULL,
    search             TSVECTOR     NOT NULL
);

CREATE INDEX published_article_newest_idx ON published_article (updated_at DESC, article_id DESC);
CREATE INDEX published_article_category_idx ON published_article (category_slug, updated_at DESC, article_id DESC);
CREATE INDEX published_article_tags_idx ON published_article USING GIN (tag_slugs);
CREATE INDEX published_article_authors_idx ON published_article USING GIN (author_slugs);
CREATE INDEX published_article_search_idx ON published_article USING GIN (search);
CREATE INDEX published_article_review_idx ON published_article (next_review_due);
