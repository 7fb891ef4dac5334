-- The writer's desk (issue 19).
--
-- 1. revision_readability: how easily each revision reads, measured once when it is saved. Derived from
--    the revision's Markdown and the measure's rules, so it is not backed up (a restore, or a revision
--    older than this table, is measured again) and not signed.
CREATE TABLE revision_readability (
    revision_id       BIGINT      PRIMARY KEY REFERENCES revision (id),
    -- NULL when no measure applies to the language: no score rather than an English formula's wrong one
    measure           VARCHAR(30),
    language          VARCHAR(35) NOT NULL,
    words             INTEGER     NOT NULL CHECK (words >= 0),
    sentences         INTEGER     NOT NULL CHECK (sentences >= 0),
    syllables         INTEGER     NOT NULL CHECK (syllables >= 0),
    reading_ease      NUMERIC(6, 1),
    grade             NUMERIC(5, 1),
    long_sentences    INTEGER     NOT NULL CHECK (long_sentences >= 0),
    passive_sentences INTEGER     NOT NULL CHECK (passive_sentences >= 0),
    plain_hints       INTEGER     NOT NULL CHECK (plain_hints >= 0),
    reading_minutes   INTEGER     NOT NULL CHECK (reading_minutes >= 0),
    measured_at       TIMESTAMPTZ NOT NULL
);

-- 2. The grade an editor wants a category's articles at; NULL takes the desk's default (cms.readability).
--    Health-literacy guidance aims at grade 6 to 8 for patients; a category for clinicians may aim higher.
ALTER TABLE category ADD COLUMN target_grade NUMERIC(3, 1) CHECK (target_grade BETWEEN 1 AND 18);

-- 3. scratch_copy: a writer's unsaved edit of one article, kept every few seconds while they type so a
--    crash or a closed tab loses nothing. Private to its writer: never a revision, never reviewed, never
--    public, not in backups; deleted when they save or discard it. base_version is the article version the
--    edit started from, so a restored copy is saved with the same optimistic lock as a normal edit.
CREATE TABLE scratch_copy (
    article_id    BIGINT       NOT NULL REFERENCES article (id),
    username      VARCHAR(200) NOT NULL,
    base_version  BIGINT       NOT NULL,
    title         VARCHAR(300) NOT NULL,
    summary       TEXT         NOT NULL,
    body_markdown TEXT         NOT NULL,
    saved_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (article_id, username)
);
