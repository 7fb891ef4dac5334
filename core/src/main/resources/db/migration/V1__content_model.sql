-- The content model of a medical publisher. Revisions are insert-only: every accepted edit is a new
-- row, so the history is complete and a sign-off always refers to text that can no longer change.

CREATE TABLE category (
    id                     BIGSERIAL PRIMARY KEY,
    slug                   VARCHAR(120) NOT NULL UNIQUE,
    name                   VARCHAR(200) NOT NULL,
    description            TEXT,
    review_interval_months INTEGER      NOT NULL DEFAULT 12 CHECK (review_interval_months BETWEEN 1 AND 120),
    version                BIGINT       NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE tag (
    id         BIGSERIAL PRIMARY KEY,
    slug       VARCHAR(120) NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Authors and medical reviewers share one profile table: one person can do both.
CREATE TABLE profile (
    id            BIGSERIAL PRIMARY KEY,
    slug          VARCHAR(120) NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    credentials   VARCHAR(200),
    bio           TEXT,
    website       VARCHAR(500),
    avatar_url    VARCHAR(500),
    specialties   TEXT[]       NOT NULL DEFAULT '{}',
    keycloak_user VARCHAR(200) UNIQUE,
    is_author     BOOLEAN      NOT NULL DEFAULT TRUE,
    is_reviewer   BOOLEAN      NOT NULL DEFAULT FALSE,
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- status is the editorial state of the working revision; what readers see is live_revision_id,
-- which stays in place while a newer working revision goes through review.
CREATE TABLE article (
    id                  BIGSERIAL PRIMARY KEY,
    slug                VARCHAR(200) NOT NULL UNIQUE,
    status              VARCHAR(30)  NOT NULL
        CHECK (status IN ('draft', 'medical-review', 'scheduled', 'published')),
    live_revision_id    BIGINT,
    working_revision_id BIGINT,
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    first_published_at  TIMESTAMPTZ,
    last_reviewed_at    TIMESTAMPTZ,
    next_review_due     TIMESTAMPTZ
);

CREATE TABLE revision (
    id            BIGSERIAL PRIMARY KEY,
    article_id    BIGINT       NOT NULL REFERENCES article (id),
    number        INTEGER      NOT NULL,
    title         VARCHAR(300) NOT NULL,
    summary       TEXT         NOT NULL,
    body_markdown TEXT         NOT NULL,
    category_id   BIGINT       NOT NULL REFERENCES category (id),
    change_note   TEXT,
    created_by    VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    content_hash  VARCHAR(64)     NOT NULL,
    UNIQUE (article_id, number)
);

ALTER TABLE article
    ADD CONSTRAINT article_live_revision_fk FOREIGN KEY (live_revision_id) REFERENCES revision (id),
    ADD CONSTRAINT article_working_revision_fk FOREIGN KEY (working_revision_id) REFERENCES revision (id);

CREATE TABLE revision_author (
    revision_id BIGINT  NOT NULL REFERENCES revision (id),
    position    INTEGER NOT NULL,
    profile_id  BIGINT  NOT NULL REFERENCES profile (id),
    PRIMARY KEY (revision_id, position)
);

CREATE TABLE revision_tag (
    revision_id BIGINT NOT NULL REFERENCES revision (id),
    tag_id      BIGINT NOT NULL REFERENCES tag (id),
    PRIMARY KEY (revision_id, tag_id)
);

CREATE TABLE revision_reference (
    revision_id BIGINT        NOT NULL REFERENCES revision (id),
    position    INTEGER       NOT NULL,
    citation    TEXT          NOT NULL,
    doi         VARCHAR(200),
    pmid        VARCHAR(20),
    url         VARCHAR(1000),
    PRIMARY KEY (revision_id, position)
);

-- A medical reviewer's decision on one exact text: the hash binds it to the revision's content and
-- the reviewer's name and credentials are kept as they were at that moment.
CREATE TABLE sign_off (
    id                   BIGSERIAL PRIMARY KEY,
    revision_id          BIGINT       NOT NULL REFERENCES revision (id),
    decision             VARCHAR(30)  NOT NULL CHECK (decision IN ('approved', 'changes-requested', 'recertified')),
    reviewer_user        VARCHAR(200) NOT NULL,
    reviewer_name        VARCHAR(200) NOT NULL,
    reviewer_credentials VARCHAR(200),
    comment              TEXT,
    content_hash         VARCHAR(64)     NOT NULL,
    signed_at            TIMESTAMPTZ  NOT NULL
);

CREATE TABLE correction (
    id           BIGSERIAL PRIMARY KEY,
    article_id   BIGINT      NOT NULL REFERENCES article (id),
    revision_id  BIGINT      NOT NULL REFERENCES revision (id),
    change_class VARCHAR(20) NOT NULL CHECK (change_class IN ('typo', 'link', 'factual', 'clinical')),
    note         TEXT,
    published_at TIMESTAMPTZ NOT NULL
);

-- Append-only: each event chains to the previous one's hash, so tampering is detectable.
CREATE TABLE audit_event (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(60)  NOT NULL,
    article_id  BIGINT REFERENCES article (id),
    revision_id BIGINT REFERENCES revision (id),
    from_status VARCHAR(30),
    to_status   VARCHAR(30),
    comment     TEXT,
    prev_hash   VARCHAR(64)     NOT NULL,
    hash        VARCHAR(64)     NOT NULL UNIQUE
);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE INDEX revision_article_idx ON revision (article_id, number DESC);
CREATE INDEX sign_off_revision_idx ON sign_off (revision_id);
CREATE INDEX correction_article_idx ON correction (article_id, published_at);
CREATE INDEX audit_event_article_idx ON audit_event (article_id, id);
CREATE INDEX article_live_idx ON article (live_revision_id) WHERE live_revision_id IS NOT NULL;
