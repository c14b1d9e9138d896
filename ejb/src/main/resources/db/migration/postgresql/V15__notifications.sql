-- Notifications (issue 3): a user is told when mail they raised fails, is complained about, rejected or
-- unsubscribed; an account's admins are told once when its queue is stuck.

CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;

-- One row per user and thing to tell. dedupe_key is unique so that a webhook delivered twice, or two
-- servers seeing the same change, never tell a user twice: 'delivery:<id>:<status>:<username>' or
-- 'stuck:<account>:<episode start millis>:<username>'.
CREATE TABLE notification (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT        NOT NULL REFERENCES account(id),
    username      VARCHAR(100)  NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    delivery_id   BIGINT        REFERENCES delivery(id),
    status        VARCHAR(20),
    title         VARCHAR(300)  NOT NULL,
    detail        VARCHAR(1000),
    created_at    TIMESTAMPTZ   NOT NULL,
    in_app        BOOLEAN       NOT NULL,
    read_at       TIMESTAMPTZ,
    -- NONE, IMMEDIATE (to be mailed now), DAILY (waits for the summary), SENT
    email_state   VARCHAR(10)   NOT NULL,
    dedupe_key    VARCHAR(200)  NOT NULL UNIQUE
);
-- The bell and the list: a user's newest, and the unread count.
CREATE INDEX notification_user ON notification (account_id, username, created_at);
-- The daily summary looks for what waits to be mailed.
CREATE INDEX notification_email ON notification (email_state, account_id, username);

-- A user's own choice, and the account's defaults (username '*', set by its admins). Statuses are a
-- comma-separated list of FAILED, COMPLAINED, REJECTED, UNSUBSCRIBED.
CREATE TABLE notification_preference (
    account_id    BIGINT        NOT NULL REFERENCES account(id),
    username      VARCHAR(100)  NOT NULL,
    statuses      VARCHAR(100)  NOT NULL,
    in_app        BOOLEAN       NOT NULL,
    by_email      BOOLEAN       NOT NULL,
    email_timing  VARCHAR(10)   NOT NULL,
    PRIMARY KEY (account_id, username)
);

-- An open "queue is stuck" episode per account: present while the account has mail pending too long.
-- Its primary key lets only one server open an episode, so the admins are told once per episode.
CREATE TABLE queue_stuck (
    account_id    BIGINT        PRIMARY KEY REFERENCES account(id),
    since         TIMESTAMPTZ   NOT NULL,
    oldest_at     TIMESTAMPTZ   NOT NULL
);
