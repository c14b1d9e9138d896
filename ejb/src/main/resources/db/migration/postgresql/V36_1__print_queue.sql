-- Issue 13 part 5, the print queue. A recipient may come with a postal address (the letter's window block),
-- stored beside its delivery; and a letter sent to the print queue has one row here until it is removed.
-- Lines are kept newline-joined: the validator bounds each list to a few short lines without line breaks.
CREATE TABLE delivery_postal_address (
    delivery_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES delivery (id),
    account_id    BIGINT        NOT NULL,
    name_lines    VARCHAR(250),
    street_lines  VARCHAR(250)  NOT NULL,
    postcode      VARCHAR(16),
    town          VARCHAR(80)   NOT NULL,
    country       VARCHAR(60)
);

-- One row per letter in the print queue: who queued it, and when and by whom it was last printed (NULL: still to
-- print). Printing keeps the row (a printed letter can be printed again); removing an unprinted letter deletes it.
CREATE TABLE print_letter (
    delivery_id   BIGINT        NOT NULL PRIMARY KEY REFERENCES delivery (id),
    account_id    BIGINT        NOT NULL,
    queued_at     TIMESTAMPTZ   NOT NULL,
    queued_by     VARCHAR(100)  NOT NULL,
    printed_at    TIMESTAMPTZ,
    printed_by    VARCHAR(100),
    print_count   INTEGER       DEFAULT 0 NOT NULL
);
-- The print screen lists one account's letters, to print or printed, oldest first.
CREATE INDEX print_letter_account ON print_letter (account_id, printed_at, queued_at);
