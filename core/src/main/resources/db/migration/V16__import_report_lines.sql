-- An import's report grows one row per line, appended batch by batch: rewriting a JSON document of every
-- line so far after each batch made a 50,000-line import write its report quadratically.
CREATE TABLE import_job_line (
    id         BIGSERIAL   PRIMARY KEY,
    job_id     BIGINT      NOT NULL REFERENCES import_job (id),
    line       INTEGER     NOT NULL,
    result     VARCHAR(10) NOT NULL CHECK (result IN ('CREATED', 'SKIPPED', 'ERROR')),
    slug       TEXT,
    article_id BIGINT,
    version    BIGINT,
    reason     TEXT,
    UNIQUE (job_id, line)
);

INSERT INTO import_job_line (job_id, line, result, slug, article_id, version, reason)
SELECT j.id, (r ->> 'line')::INTEGER, upper(r ->> 'result'), r ->> 'slug', (r ->> 'articleId')::BIGINT,
       (r ->> 'version')::BIGINT, r ->> 'reason'
FROM import_job j, jsonb_array_elements(j.results::JSONB) r
ORDER BY j.id, (r ->> 'line')::INTEGER;

ALTER TABLE import_job DROP COLUMN results;
