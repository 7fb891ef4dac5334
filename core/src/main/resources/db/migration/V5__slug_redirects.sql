-- Old slugs of renamed articles, so links that readers and partners already have keep working (301).
CREATE TABLE slug_redirect (
    old_slug   VARCHAR(200) PRIMARY KEY,
    article_id BIGINT       NOT NULL REFERENCES article (id),
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX slug_redirect_article_idx ON slug_redirect (article_id);
