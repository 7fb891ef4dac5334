-- Publications and unpublications planned for a later time. Any admin-ui instance may run them: a
-- due row is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so each job runs exactly once.
CREATE TABLE scheduled_job (
    id          BIGSERIAL PRIMARY KEY,
    article_id  BIGINT       NOT NULL REFERENCES article (id),
    revision_id BIGINT REFERENCES revision (id),
    action      VARCHAR(30)  NOT NULL CHECK (action IN ('publish', 'unpublish')),
    run_at      TIMESTAMPTZ  NOT NULL,
    requested_by VARCHAR(200) NOT NULL,
    -- for a publication that replaces a live revision: the change class and public note chosen at approval
    change_class VARCHAR(20),
    correction_note TEXT,
    state       VARCHAR(20)  NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'cancelled', 'failed')),
    outcome     TEXT,
    finished_at TIMESTAMPTZ
);

CREATE INDEX scheduled_job_due_idx ON scheduled_job (run_at) WHERE state = 'pending';
