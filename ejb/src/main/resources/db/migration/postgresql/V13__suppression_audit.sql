-- Support staff keep the suppression list by hand (issue 4): who added an entry by hand, and every
-- manual addition and removal with its note, kept after the entry itself is gone.
ALTER TABLE suppression ADD COLUMN created_by VARCHAR(100);

CREATE SEQUENCE suppression_audit_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE suppression_audit (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT        NOT NULL REFERENCES account(id),
    address             VARCHAR(320)  NOT NULL,
    kind                VARCHAR(10)   NOT NULL,
    reason              VARCHAR(40)   NOT NULL,
    category            VARCHAR(20),
    detail              VARCHAR(1000),
    source_delivery_id  BIGINT,
    entry_created_at    TIMESTAMPTZ   NOT NULL,
    expires_at          TIMESTAMPTZ,
    note                VARCHAR(1000) NOT NULL,
    username            VARCHAR(100)  NOT NULL,
    acted_at            TIMESTAMPTZ   NOT NULL
);
CREATE INDEX suppression_audit_account ON suppression_audit (account_id, acted_at);
