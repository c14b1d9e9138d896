-- Automatic suppression: a suppression may be limited to one category (an unsubscribe from BULK mail
-- must not stop TRANSACTIONAL or ESSENTIAL mail); NULL means every category.
ALTER TABLE suppression ADD COLUMN category VARCHAR(20);

-- Soft failures per address, for the decay policy (e.g. 3 within 14 days -> suppressed for 7 days).
CREATE TABLE soft_bounce (
    account_id      BIGINT        NOT NULL,
    address         VARCHAR(320)  NOT NULL,
    failures        INTEGER       NOT NULL,
    first_at        TIMESTAMPTZ   NOT NULL,
    last_at         TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (account_id, address)
);
