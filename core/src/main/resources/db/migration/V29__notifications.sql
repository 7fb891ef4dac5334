-- Notifications and e-mail (issue 18): who is told what happened to an article, and the mails that tell them.

-- The people of the desk as the identity provider last described them at sign-in: the workflow needs the
-- editors (a realm role, not in our tables) and everyone's e-mail address. Each keeps their mail preference.
CREATE TABLE desk_member (
    username        VARCHAR(200) PRIMARY KEY,
    display_name    VARCHAR(200),
    email           VARCHAR(320),
    roles           TEXT[]       NOT NULL DEFAULT '{}',
    mail_preference VARCHAR(20)  NOT NULL DEFAULT 'immediately'
        CHECK (mail_preference IN ('immediately', 'daily', 'off')),
    seen_at         TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);

-- One thing that happened, for one person, written in the same transaction as the action (outbox style).
-- It names the article by its title only: drafts are confidential, so no text of them is copied anywhere.
CREATE TABLE notification (
    id            BIGSERIAL PRIMARY KEY,
    recipient     VARCHAR(200) NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    article_id    BIGINT       NOT NULL REFERENCES article (id),
    article_title VARCHAR(300) NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    read_at       TIMESTAMPTZ,
    -- queued in a mail (at once, or in the day's digest); the digest takes the ones still false
    mailed        BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX notification_recipient_idx ON notification (recipient, id DESC);
CREATE INDEX notification_unread_idx ON notification (recipient) WHERE read_at IS NULL;
CREATE INDEX notification_unmailed_idx ON notification (recipient) WHERE NOT mailed;

-- The persistent mail queue. A sender claims due rows with FOR UPDATE SKIP LOCKED, sends, and marks the row
-- sent in the same transaction; the message id is fixed when the row is queued, so a mail sent again after a
-- crash between the SMTP answer and the commit carries the same Message-ID.
CREATE TABLE outgoing_mail (
    id              BIGSERIAL PRIMARY KEY,
    recipient       VARCHAR(200)  NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(20000) NOT NULL,
    message_id      VARCHAR(200)  NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ   NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(1000)
);
CREATE INDEX outgoing_mail_due_idx ON outgoing_mail (next_attempt_at) WHERE sent_at IS NULL;
