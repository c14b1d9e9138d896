-- Secrets are stored sealed (SecretBox: v1:<key id>:<base64>), which is longer than the plaintext; rows
-- stored before stay plaintext until SecretSealing seals them when the application starts.
ALTER TABLE mailgun_account ALTER COLUMN api_key SET DATA TYPE VARCHAR(1000);

-- An account's own SMTP relay, apart from the account row (like mailgun_account) so the password, sealed,
-- is read only where mail is sent. security: STARTTLS (required), TLS (implicit, SMTPS) or NONE (only for
-- a relay on the loopback interface).
CREATE TABLE smtp_relay (
    account_id      BIGINT        PRIMARY KEY REFERENCES account(id),
    host            VARCHAR(255)  NOT NULL,
    port            INT           NOT NULL,
    security        VARCHAR(10)   NOT NULL,
    username        VARCHAR(200),
    password        VARCHAR(1000),
    password_set_at TIMESTAMP,
    updated_at      TIMESTAMP   NOT NULL
);

-- Relays set before had no security setting; they sent as the installation's mail session did. One on the
-- loopback interface keeps sending in the clear, any other must now offer STARTTLS.
INSERT INTO smtp_relay (account_id, host, port, security, updated_at)
    SELECT id, smtp_host, COALESCE(smtp_port, 25),
           CASE WHEN smtp_host IN ('localhost', '127.0.0.1', '::1') THEN 'NONE' ELSE 'STARTTLS' END, created_at
    FROM account WHERE smtp_host IS NOT NULL;

ALTER TABLE account DROP COLUMN smtp_host;
ALTER TABLE account DROP COLUMN smtp_port;
