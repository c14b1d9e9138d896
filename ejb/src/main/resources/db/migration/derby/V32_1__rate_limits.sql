-- Rate limits and lanes (issue 12, part 4).

-- What an account admin allows its way out (relay or provider); a null column is no limit.
CREATE TABLE relay_limit (
    account_id                BIGINT       PRIMARY KEY REFERENCES account(id),
    messages_per_second       INTEGER,
    max_connections           INTEGER,
    recipients_per_connection INTEGER,
    updated_at                TIMESTAMP    NOT NULL
);

-- Connections open to an account's relay, across all instances: one row per slot up to its limit, taken by a
-- sender while its connection is open (a crashed sender's slot is free again once its lease has run out).
CREATE TABLE relay_connection (
    scope       VARCHAR(300)  NOT NULL,
    slot        INTEGER       NOT NULL,
    holder      VARCHAR(100),
    lease_until TIMESTAMP,
    PRIMARY KEY (scope, slot)
);

-- Recipients per hour an account may send to one destination domain (e.g. a large mailbox provider).
CREATE TABLE domain_limit (
    account_id          BIGINT        NOT NULL REFERENCES account(id),
    domain              VARCHAR(255)  NOT NULL,
    recipients_per_hour INTEGER       NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (account_id, domain)
);

-- The shared counters: recipients taken (or reserved) per scope and window, so that every instance counts
-- against the same budget.
CREATE TABLE send_window (
    scope        VARCHAR(300)  NOT NULL,
    window_start TIMESTAMP     NOT NULL,
    used         INTEGER       NOT NULL,
    PRIMARY KEY (scope, window_start)
);
CREATE INDEX send_window_start ON send_window (window_start);

-- A domain that answered "too many" (421, 4.7.x rate): its mail from this account waits until then.
CREATE TABLE domain_backoff (
    account_id BIGINT        NOT NULL REFERENCES account(id),
    domain     VARCHAR(255)  NOT NULL,
    backoff_until TIMESTAMP     NOT NULL,
    reply      VARCHAR(500),
    PRIMARY KEY (account_id, domain)
);

-- Deliveries waiting for a slot: why, and until when; "reserved" when a slot of the window starting then is theirs.
CREATE TABLE delivery_hold (
    delivery_id BIGINT        PRIMARY KEY REFERENCES delivery(id) ON DELETE CASCADE,
    account_id  BIGINT        NOT NULL,
    held_until  TIMESTAMP     NOT NULL,
    reserved    BOOLEAN       NOT NULL,
    detail      VARCHAR(300)  NOT NULL
);

-- Lanes: within a priority, mail that is not BULK is claimed first (Derby has no partial index).
ALTER TABLE delivery ADD COLUMN bulk BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE delivery SET bulk = TRUE
 WHERE status IN ('PENDING', 'SCHEDULED', 'SENDING', 'TEMPORARY_FAILURE')
   AND message_id IN (SELECT id FROM message WHERE category = 'BULK');
DROP INDEX delivery_due;
CREATE INDEX delivery_due ON delivery (status, priority, bulk, next_attempt_at);
