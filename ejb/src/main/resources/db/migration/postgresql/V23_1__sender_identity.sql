-- Sender identities: the domains and single addresses an account may send From, each proved by a DNS TXT
-- record before use; and the DKIM keys that sign its mail, per domain, the private key sealed with the
-- installation key (never stored in plaintext).
CREATE SEQUENCE sender_identity_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE sender_identity (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT        NOT NULL REFERENCES account(id),
    kind                VARCHAR(10)   NOT NULL,
    identity_value      VARCHAR(320)  NOT NULL,
    domain              VARCHAR(255)  NOT NULL,
    token               VARCHAR(64)   NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    verified_at         TIMESTAMPTZ,
    verified_by         VARCHAR(100),
    checked_at          TIMESTAMPTZ,
    check_result        VARCHAR(1000),
    CONSTRAINT sender_identity_unique UNIQUE (account_id, identity_value)
);

CREATE SEQUENCE dkim_key_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE dkim_key (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT        NOT NULL REFERENCES account(id),
    domain              VARCHAR(255)  NOT NULL,
    selector            VARCHAR(63)   NOT NULL,
    public_key          VARCHAR(1000) NOT NULL,
    private_key_sealed  VARCHAR(4000) NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    signing             BOOLEAN       NOT NULL,
    retired_at          TIMESTAMPTZ,
    CONSTRAINT dkim_key_unique UNIQUE (account_id, domain, selector)
);
CREATE INDEX dkim_key_account_domain ON dkim_key (account_id, domain);
