-- Delivery feedback from providers' webhooks: every event is kept (matched or not, so support can see
-- what could not be tied to a delivery), once per provider event id.

CREATE SEQUENCE provider_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE provider_event (
    id                  BIGINT PRIMARY KEY,
    provider            VARCHAR(30)   NOT NULL,
    event_id            VARCHAR(200)  NOT NULL,
    event_type          VARCHAR(60)   NOT NULL,
    status              VARCHAR(20),
    recipient           VARCHAR(320),
    provider_message_id VARCHAR(255),
    delivery_id         BIGINT        REFERENCES delivery(id),
    account_id          BIGINT,
    machine             BOOLEAN       NOT NULL,
    occurred_at         TIMESTAMPTZ,
    received_at         TIMESTAMPTZ   NOT NULL,
    payload             TEXT,
    CONSTRAINT provider_event_once UNIQUE (provider, event_id)
);
CREATE INDEX provider_event_unmatched ON provider_event (received_at) WHERE delivery_id IS NULL;
CREATE INDEX provider_event_delivery ON provider_event (delivery_id);

-- Webhook tokens seen (Mailgun signs timestamp + token): a captured request cannot be replayed.
CREATE TABLE webhook_token (
    provider            VARCHAR(30)   NOT NULL,
    token               VARCHAR(200)  NOT NULL,
    keep_until          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (provider, token)
);

-- Machine opens and clicks (privacy proxies, link scanners) are kept in the timeline but never move the status.
ALTER TABLE delivery_event ADD COLUMN machine BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX delivery_provider_message ON delivery (provider_message_id);
