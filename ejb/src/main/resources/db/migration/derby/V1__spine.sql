-- The spine: accounts, archived messages, one delivery per recipient and the append-only timeline.
-- Ids come from sequences that step by 50 so EclipseLink can pre-allocate and batch inserts; they start
-- at 50 because EclipseLink takes a fetched value v as the top of its block v-49..v.

CREATE SEQUENCE account_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;
CREATE SEQUENCE message_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;
CREATE SEQUENCE attachment_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;
CREATE SEQUENCE delivery_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;
CREATE SEQUENCE delivery_event_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;
CREATE SEQUENCE suppression_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;

CREATE TABLE account (
    id              BIGINT PRIMARY KEY,
    code            VARCHAR(64)  NOT NULL UNIQUE,
    name            VARCHAR(200) NOT NULL,
    bounce_domain   VARCHAR(255),
    smtp_host       VARCHAR(255),
    smtp_port       INTEGER,
    created_at      TIMESTAMP  NOT NULL
);

CREATE TABLE api_key (
    key_hash        CHAR(64)     PRIMARY KEY,
    account_id      BIGINT       NOT NULL REFERENCES account(id),
    label           VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP  NOT NULL,
    revoked_at      TIMESTAMP
);

CREATE TABLE app_user (
    account_id      BIGINT       NOT NULL REFERENCES account(id),
    username        VARCHAR(100) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    user_role       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (account_id, username)
);

CREATE TABLE message (
    id                BIGINT PRIMARY KEY,
    account_id        BIGINT        NOT NULL REFERENCES account(id),
    idempotency_key   VARCHAR(200),
    raised_by         VARCHAR(100)  NOT NULL,
    source_module     VARCHAR(50),
    source_ref        VARCHAR(100),
    category          VARCHAR(20)   NOT NULL,
    priority          VARCHAR(10)   NOT NULL,
    sender_address    VARCHAR(320)  NOT NULL,
    sender_name       VARCHAR(200),
    reply_to          VARCHAR(320),
    subject           VARCHAR(998)  NOT NULL,
    send_at           TIMESTAMP,
    serial_mailing_id BIGINT,
    created_at        TIMESTAMP   NOT NULL,
    CONSTRAINT message_idempotency UNIQUE (account_id, idempotency_key)
);
CREATE INDEX message_account_created ON message (account_id, created_at);

-- Bodies and headers apart from the narrow audit tables, so they can be expired on their own.
CREATE TABLE message_content (
    message_id      BIGINT PRIMARY KEY REFERENCES message(id),
    html_body       CLOB,
    text_body       CLOB,
    headers         CLOB
);

-- Stored once per account and SHA-256: the same letter PDF sent to 500 tenants is one row.
CREATE TABLE attachment (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT        NOT NULL REFERENCES account(id),
    sha256          CHAR(64)      NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    content         BLOB         NOT NULL,
    created_at      TIMESTAMP   NOT NULL,
    CONSTRAINT attachment_unique_content UNIQUE (account_id, sha256)
);

CREATE TABLE message_attachment (
    message_id      BIGINT        NOT NULL REFERENCES message(id),
    ordinal         INTEGER       NOT NULL,
    attachment_id   BIGINT        NOT NULL REFERENCES attachment(id),
    filename        VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(255)  NOT NULL,
    PRIMARY KEY (message_id, ordinal)
);

CREATE TABLE delivery (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT        NOT NULL REFERENCES account(id),
    message_id          BIGINT        NOT NULL REFERENCES message(id),
    recipient_type      VARCHAR(3)    NOT NULL,
    address             VARCHAR(320),
    display_name        VARCHAR(200),
    address_domain      VARCHAR(255),
    raised_by           VARCHAR(100)  NOT NULL,
    priority            VARCHAR(10)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    status_at           TIMESTAMP   NOT NULL,
    status_detail       VARCHAR(1000),
    smtp_code           INTEGER,
    enhanced_code       VARCHAR(16),
    provider            VARCHAR(30),
    provider_message_id VARCHAR(255),
    message_id_header   VARCHAR(255)  NOT NULL UNIQUE,
    return_token        VARCHAR(40)   NOT NULL UNIQUE,
    attempts            INTEGER       DEFAULT 0 NOT NULL,
    next_attempt_at     TIMESTAMP,
    claim_owner         VARCHAR(100),
    lease_until         TIMESTAMP,
    resend_of           BIGINT        REFERENCES delivery(id),
    created_at          TIMESTAMP   NOT NULL
);
CREATE INDEX delivery_message ON delivery (message_id);
CREATE INDEX delivery_account_created ON delivery (account_id, created_at);
CREATE INDEX delivery_account_address ON delivery (account_id, address);
CREATE INDEX delivery_account_status_time ON delivery (account_id, status, status_at);
CREATE INDEX delivery_account_raised_by ON delivery (account_id, raised_by, created_at);
-- The dispatcher's claim index (Derby has no partial indexes).
CREATE INDEX delivery_due ON delivery (status, priority, next_attempt_at);

CREATE TABLE delivery_event (
    id              BIGINT PRIMARY KEY,
    account_id      BIGINT        NOT NULL,
    delivery_id     BIGINT        NOT NULL REFERENCES delivery(id),
    status          VARCHAR(20)   NOT NULL,
    occurred_at     TIMESTAMP   NOT NULL,
    recorded_at     TIMESTAMP   NOT NULL,
    source          VARCHAR(40)   NOT NULL,
    smtp_code       INTEGER,
    enhanced_code   VARCHAR(16),
    diagnostic      VARCHAR(2000),
    provider        VARCHAR(30),
    dedupe_key      VARCHAR(200)  NOT NULL UNIQUE,
    payload_ref     VARCHAR(500)
);
CREATE INDEX delivery_event_delivery ON delivery_event (delivery_id, occurred_at);

CREATE TABLE suppression (
    id                  BIGINT PRIMARY KEY,
    account_id          BIGINT        NOT NULL REFERENCES account(id),
    address             VARCHAR(320)  NOT NULL,
    reason              VARCHAR(40)   NOT NULL,
    detail              VARCHAR(1000),
    source_delivery_id  BIGINT,
    created_at          TIMESTAMP   NOT NULL,
    expires_at          TIMESTAMP,
    CONSTRAINT suppression_unique_address UNIQUE (account_id, address)
);
