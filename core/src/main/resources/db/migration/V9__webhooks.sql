-- Signed webhooks from the transactional outbox (V7): subscriptions, one delivery per (event,
-- subscription), and a log of every attempt. Deliveries and attempts are claimed and written by any
-- admin-ui instance; rows are claimed with FOR UPDATE SKIP LOCKED and held under a lease.

-- Which outbox events have been turned into deliveries. Events recorded before webhooks existed are
-- marked as done, so the first subscription does not receive the whole history at once.
ALTER TABLE outbox_event ADD COLUMN fanned_out_at TIMESTAMPTZ;
UPDATE outbox_event SET fanned_out_at = now();
CREATE INDEX outbox_event_fan_out_idx ON outbox_event (id) WHERE fanned_out_at IS NULL;

-- One re-review notice per article, review cycle (identified by its due date) and kind, so the sweep
-- emits article.review-due and article.review-overdue once per cycle however many instances run it.
CREATE TABLE review_notice (
    article_id BIGINT      NOT NULL REFERENCES article (id),
    due_at     TIMESTAMPTZ NOT NULL,
    kind       VARCHAR(10) NOT NULL CHECK (kind IN ('due', 'overdue')),
    emitted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, due_at, kind)
);

CREATE TABLE webhook_subscription (
    id              BIGSERIAL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    description     VARCHAR(500),
    event_types     TEXT[]        NOT NULL CHECK (cardinality(event_types) > 0),
    -- empty: every category
    category_slugs  TEXT[]        NOT NULL DEFAULT '{}',
    -- Standard Webhooks format (whsec_ + base64). Stored in clear because signing needs it; it is never
    -- returned except once, on creation and rotation. Null only after a restore (backups never hold
    -- secrets): nothing is sent until an editor rotates the secret.
    secret          VARCHAR(200),
    -- after a rotation the old secret signs too, until this time, so receivers can switch without a gap
    previous_secret VARCHAR(200),
    previous_secret_until TIMESTAMPTZ,
    enabled         BOOLEAN       NOT NULL,
    disabled_reason TEXT,
    disabled_at     TIMESTAMPTZ,
    -- health, written by the delivery workers without touching the version
    failing_since   TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    version         BIGINT        NOT NULL DEFAULT 0,
    created_by      VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);

CREATE TABLE webhook_delivery (
    id               BIGSERIAL PRIMARY KEY,
    subscription_id  BIGINT       NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         BIGINT REFERENCES outbox_event (id) ON DELETE SET NULL,
    -- the webhook-id header: the same for every attempt and redelivery of one event, so receivers can dedupe
    message_id       VARCHAR(100) NOT NULL,
    event_type       VARCHAR(60)  NOT NULL,
    -- deliveries of one subscription and article go out in id order; null (test events) means unordered
    article_id       BIGINT,
    slug             VARCHAR(200),
    -- the exact body that is signed and sent (text, not jsonb, so the bytes never change)
    payload          TEXT         NOT NULL,
    test             BOOLEAN      NOT NULL DEFAULT FALSE,
    redelivery_of    BIGINT REFERENCES webhook_delivery (id) ON DELETE SET NULL,
    requested_by     VARCHAR(200),
    state            VARCHAR(20)  NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    -- start of the retry window (at least 24 hours of retries from here)
    first_attempt_at TIMESTAMPTZ,
    -- the lease of the instance sending it; an expired lease means that instance stopped mid-delivery
    claimed_by       VARCHAR(100),
    claim_token      VARCHAR(40),
    claimed_until    TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ
);

-- a claim walks each subscription's due deliveries, and counts what is in flight per subscription
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (subscription_id, next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX webhook_delivery_in_flight_idx ON webhook_delivery (subscription_id) WHERE claimed_until IS NOT NULL;
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (subscription_id, article_id, id) WHERE state = 'pending';
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (subscription_id, id);
CREATE INDEX webhook_delivery_finished_idx ON webhook_delivery (finished_at) WHERE state <> 'pending';
CREATE INDEX webhook_delivery_redelivery_idx ON webhook_delivery (redelivery_of) WHERE redelivery_of IS NOT NULL;

-- A queue: thousands of rows come and go within a minute, so analyse and vacuum it far more often than
-- the default 10-20% of the table, or plans are made for an empty table and indexes fill with dead rows.
ALTER TABLE webhook_delivery SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_analyze_threshold = 200,
                                  autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_threshold = 500);

CREATE TABLE webhook_attempt (
    id            BIGSERIAL PRIMARY KEY,
    delivery_id   BIGINT       NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    number        INTEGER      NOT NULL,
    instance      VARCHAR(100) NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    duration_ms   INTEGER      NOT NULL,
    status_code   INTEGER,
    outcome       VARCHAR(20)  NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed', 'interrupted')),
    error         TEXT,
    response_body VARCHAR(1000),
    next_retry_at TIMESTAMPTZ
);

CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);
