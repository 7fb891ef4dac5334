-- Transactional outbox: an event row is written in the same transaction as the change that causes it,
-- so an event exists if and only if the change committed. Webhook delivery reads from here.
CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    event_type    VARCHAR(60)  NOT NULL CHECK (event_type IN ('article.published', 'article.updated',
                  'article.unpublished', 'article.review-due', 'article.review-overdue', 'correction.published')),
    article_id    BIGINT       NOT NULL REFERENCES article (id),
    slug          VARCHAR(200) NOT NULL,
    revision      INTEGER,
    category_slug VARCHAR(120),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    payload       JSONB        NOT NULL
);

CREATE INDEX outbox_event_article_idx ON outbox_event (article_id, id);
