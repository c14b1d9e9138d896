-- Transport per account: SMTP (the default, as before) or Mailgun's HTTP API. Mailgun's settings sit in
-- a table of their own so the API key, a secret, is only read where mail is sent.
ALTER TABLE account ADD COLUMN transport VARCHAR(10) DEFAULT 'SMTP' NOT NULL;

CREATE TABLE mailgun_account (
    account_id      BIGINT        PRIMARY KEY REFERENCES account(id),
    sending_domain  VARCHAR(255)  NOT NULL,
    region          VARCHAR(2)    NOT NULL,
    base_url        VARCHAR(500),
    api_key         VARCHAR(200)  NOT NULL,
    updated_at      TIMESTAMP     NOT NULL
);
