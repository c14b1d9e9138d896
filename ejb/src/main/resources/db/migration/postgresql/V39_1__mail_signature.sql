-- Signatures for serial mail (issue 13): one per user of an account (their own) and one per sender identity of an
-- account (the admins'). Stored sanitised (HTML through jsoup's Safelist), both forms, so a merge never cleans.
-- A mailing copies the signature it was created with, as it copies the template: later edits change nothing under way.
CREATE SEQUENCE mail_signature_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE mail_signature (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES account(id),
    owner_kind  VARCHAR(10)   NOT NULL,
    owner       VARCHAR(320)  NOT NULL,
    html_body   TEXT          NOT NULL,
    text_body   TEXT          NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT mail_signature_owner UNIQUE (account_id, owner_kind, owner)
);

ALTER TABLE serial_mailing ADD COLUMN signature_html TEXT;
ALTER TABLE serial_mailing ADD COLUMN signature_text TEXT;
