-- Serial mail (issue 13): an account's merge templates, its worklists of directory contacts, its serial mailings
-- and what became of each selected contact. Contacts live in the host's directory; only their ids are kept here.
CREATE SEQUENCE mail_template_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE mail_template (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES account(id),
    name        VARCHAR(200)  NOT NULL,
    subject     VARCHAR(998)  NOT NULL,
    html_body   TEXT,
    text_body   TEXT,
    draft       BOOLEAN       NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT mail_template_name UNIQUE (account_id, name)
);

CREATE SEQUENCE worklist_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE worklist (
    id          BIGINT PRIMARY KEY,
    account_id  BIGINT        NOT NULL REFERENCES account(id),
    name        VARCHAR(200)  NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    CONSTRAINT worklist_name UNIQUE (account_id, name)
);
CREATE TABLE worklist_contact (
    worklist_id BIGINT NOT NULL REFERENCES worklist(id),
    contact_id  BIGINT NOT NULL,
    PRIMARY KEY (worklist_id, contact_id)
);

-- last_contact_id is the creation's cursor: messages are created in chunks, each chunk's messages and the cursor's
-- advance commit together, so a server that stops mid-way resumes after the last committed contact.
CREATE SEQUENCE serial_mailing_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE serial_mailing (
    id               BIGINT PRIMARY KEY,
    account_id       BIGINT        NOT NULL REFERENCES account(id),
    template_id      BIGINT        REFERENCES mail_template(id),
    subject          VARCHAR(998)  NOT NULL,
    html_body        TEXT,
    text_body        TEXT,
    sender_address   VARCHAR(320)  NOT NULL,
    sender_name      VARCHAR(200),
    contact_filter   VARCHAR(500),
    worklist_id      BIGINT        REFERENCES worklist(id),
    newsletter_only  BOOLEAN       NOT NULL,
    activities       BOOLEAN       NOT NULL,
    send_at          TIMESTAMPTZ,
    status           VARCHAR(20)   NOT NULL,
    last_contact_id  BIGINT        NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX serial_mailing_account ON serial_mailing (account_id, created_at);
CREATE INDEX serial_mailing_status ON serial_mailing (status, updated_at);

CREATE TABLE serial_mailing_attachment (
    mailing_id    BIGINT        NOT NULL REFERENCES serial_mailing(id),
    file_index    INT           NOT NULL,
    filename      VARCHAR(255)  NOT NULL,
    content_type  VARCHAR(255)  NOT NULL,
    content       BYTEA         NOT NULL,
    PRIMARY KEY (mailing_id, file_index)
);

CREATE TABLE serial_recipient (
    mailing_id  BIGINT        NOT NULL REFERENCES serial_mailing(id),
    contact_id  BIGINT        NOT NULL,
    name        VARCHAR(300),
    address     VARCHAR(320),
    outcome     VARCHAR(20)   NOT NULL,
    message_id  BIGINT        REFERENCES message(id),
    PRIMARY KEY (mailing_id, contact_id)
);

-- Open tracking per message: a serial mail to a contact whose consent the directory does not report carries no
-- pixel and no rewritten links, whatever the account's choice for its category.
ALTER TABLE message ADD COLUMN tracking_refused BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX message_serial_mailing ON message (serial_mailing_id);
