-- Recipient preferences (issue 13 part 4): per account and recipient address, whether the recipient opted out of
-- non-essential mail and whether BULK mail is held for a daily or weekly digest; every change is audited.
CREATE SEQUENCE recipient_preference_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE recipient_preference (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT        NOT NULL REFERENCES account(id),
    address         VARCHAR(320)  NOT NULL,
    opted_out       BOOLEAN       NOT NULL,
    digest          VARCHAR(10)   NOT NULL,
    digest_weekday  VARCHAR(10),
    digest_time     VARCHAR(5),
    digest_zone     VARCHAR(64),
    next_digest_at  TIMESTAMPTZ,
    changed_by      VARCHAR(200)  NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL,
    CONSTRAINT recipient_preference_address UNIQUE (account_id, address)
);
CREATE INDEX recipient_preference_due ON recipient_preference (next_digest_at);

CREATE SEQUENCE preference_change_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE preference_change (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT        NOT NULL REFERENCES account(id),
    address         VARCHAR(320)  NOT NULL,
    field           VARCHAR(20)   NOT NULL,
    old_value       VARCHAR(100),
    new_value       VARCHAR(100),
    changed_by      VARCHAR(200)  NOT NULL,
    changed_at      TIMESTAMPTZ   NOT NULL
);
CREATE INDEX preference_change_address ON preference_change (account_id, address, changed_at);

-- Who marked a mail Essential and why: the override of an opt-out is recorded with both, at submission and when the
-- dispatcher finds an opt-out made after it.
ALTER TABLE message ADD COLUMN essential_reason VARCHAR(500);
ALTER TABLE message ADD COLUMN essential_by VARCHAR(300);

-- Held deliveries the digest job took into a digest: the row is the claim (one digest per held delivery, the primary
-- key refuses a second), and the link by which the held delivery follows the digest's outcome.
CREATE TABLE digest_item (
    delivery_id         BIGINT      PRIMARY KEY REFERENCES delivery(id),
    digest_delivery_id  BIGINT      NOT NULL REFERENCES delivery(id),
    account_id          BIGINT      NOT NULL REFERENCES account(id),
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX digest_item_digest ON digest_item (digest_delivery_id);
-- The digest job's look-up of what a recipient has waiting.
CREATE INDEX delivery_held_for_digest ON delivery (account_id, lower(address)) WHERE status = 'PENDING_DIGEST';
