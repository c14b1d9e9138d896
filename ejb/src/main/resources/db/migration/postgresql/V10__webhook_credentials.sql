-- An agency may send through its own Mailgun, SendGrid, Postmark or SES account: webhook credentials
-- per account and provider (the system properties stay the installation-wide fallback). secret is the
-- Mailgun signing key, the SendGrid verification key, the SHA-256 of Postmark's user:password, or the
-- SES topic ARNs.
CREATE TABLE webhook_credential (
    account_id      BIGINT        NOT NULL REFERENCES account(id),
    provider        VARCHAR(30)   NOT NULL,
    secret          VARCHAR(2000) NOT NULL,
    username        VARCHAR(200),
    updated_at      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (account_id, provider)
);

-- Support lists an account's unmatched events, newest first.
CREATE INDEX provider_event_unmatched_account ON provider_event (account_id, received_at) WHERE delivery_id IS NULL;
