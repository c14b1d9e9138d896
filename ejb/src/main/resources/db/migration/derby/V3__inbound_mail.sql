-- Bounce, complaint and auto-reply mail as received (from the bounce mailbox or piped by an MTA):
-- kept once per content, with what the classifier made of it and how much of it matched deliveries.

CREATE SEQUENCE inbound_mail_seq AS BIGINT START WITH 50 INCREMENT BY 50 NO CYCLE;

CREATE TABLE inbound_mail (
    id              BIGINT PRIMARY KEY,
    sha256          CHAR(64)      NOT NULL UNIQUE,
    received_at     TIMESTAMP   NOT NULL,
    format          VARCHAR(60),
    kind            VARCHAR(20)   NOT NULL,
    recipients      INTEGER       NOT NULL,
    matched         INTEGER       NOT NULL,
    raw             BLOB         NOT NULL
);
CREATE INDEX inbound_mail_received ON inbound_mail (received_at);
