-- Review as a conversation (issue 18): comments anchored to a passage of a revision, with replies.
--
-- The anchor is a W3C Web Annotation text quote selector (exact passage plus the text just before and
-- after it) taken from the revision the comment was made on, so it can be found again in later
-- revisions; a comment whose passage is gone is shown as outdated with its original quote.
-- Comments are never public: the delivery role (cms_delivery) gets no grant on this table.
CREATE TABLE review_comment (
    id           BIGSERIAL PRIMARY KEY,
    article_id   BIGINT        NOT NULL REFERENCES article (id),
    -- the revision the passage was quoted from
    revision_id  BIGINT        NOT NULL REFERENCES revision (id),
    -- a reply belongs to one top-level comment and carries no anchor, flag or resolution of its own
    parent_id    BIGINT REFERENCES review_comment (id),
    quote_exact  VARCHAR(1000),
    quote_prefix VARCHAR(200),
    quote_suffix VARCHAR(200),
    body         VARCHAR(5000) NOT NULL,
    blocking     BOOLEAN       NOT NULL DEFAULT FALSE,
    author       VARCHAR(200)  NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    resolved_by  VARCHAR(200),
    resolved_at  TIMESTAMPTZ,
    version      BIGINT        NOT NULL DEFAULT 0,
    CHECK ((parent_id IS NULL) = (quote_exact IS NOT NULL)),
    CHECK (parent_id IS NULL OR (NOT blocking AND resolved_at IS NULL)),
    CHECK ((resolved_by IS NULL) = (resolved_at IS NULL))
);
CREATE INDEX review_comment_article_idx ON review_comment (article_id, id);
-- approval asks "is a blocking comment open?" on every path
CREATE INDEX review_comment_open_blocking_idx ON review_comment (article_id)
    WHERE blocking AND resolved_at IS NULL;

-- Conflict-of-interest declaration made with an approval: the reviewer confirms "no conflict for this
-- article" (conflict_confirmed, no statement) or names one (the statement, published as a disclosure).
-- Sign-offs are written once (V17): the columns are filled when the row is inserted, never later; rows
-- from before this question have conflict_confirmed false. Neither column is in the content hash.
ALTER TABLE sign_off ADD COLUMN conflict_confirmed BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE sign_off ADD COLUMN conflict_statement VARCHAR(1000);
ALTER TABLE sign_off ADD CONSTRAINT sign_off_conflict_answered CHECK (conflict_statement IS NULL OR conflict_confirmed);
