-- Open and click tracking, chosen per account and category (the account's consent to track its
-- recipients). No row means the default: BULK opens and clicks, ESSENTIAL opens only, TRANSACTIONAL
-- nothing (see TrackingChoice.byDefault).
CREATE TABLE account_tracking (
    account_id      BIGINT        NOT NULL REFERENCES account (id),
    category        VARCHAR(20)   NOT NULL,
    track_opens     BOOLEAN       NOT NULL,
    track_clicks    BOOLEAN       NOT NULL,
    PRIMARY KEY (account_id, category)
);
