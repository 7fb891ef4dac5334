-- Bulk imports run in the background; progress and the per-line report are kept here so any
-- admin-ui instance can answer "how far is it" and the report survives a restart.
CREATE TABLE import_job (
    id           BIGSERIAL PRIMARY KEY,
    requested_by VARCHAR(200) NOT NULL,
    submit       BOOLEAN      NOT NULL,
    state        VARCHAR(20)  NOT NULL CHECK (state IN ('running', 'finished')),
    total_lines  INTEGER      NOT NULL,
    processed    INTEGER      NOT NULL DEFAULT 0,
    created      INTEGER      NOT NULL DEFAULT 0,
    skipped      INTEGER      NOT NULL DEFAULT 0,
    failed       INTEGER      NOT NULL DEFAULT 0,
    results      TEXT         NOT NULL DEFAULT '[]',
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL,
    finished_at  TIMESTAMPTZ
);
