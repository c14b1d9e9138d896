-- The admin log: who changed what in an account's set-up (or the installation's), when, from what to what.
-- Values are as a person reads them and never hold a secret. account_id is null for the installation itself.
CREATE SEQUENCE admin_change_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE admin_change (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT         REFERENCES account(id),
    occurred_at   TIMESTAMPTZ    NOT NULL,
    actor         VARCHAR(300)   NOT NULL,
    action        VARCHAR(100)   NOT NULL,
    subject       VARCHAR(320),
    before_value  VARCHAR(1000),
    after_value   VARCHAR(1000)
);
CREATE INDEX admin_change_account ON admin_change (account_id, occurred_at);
