-- Failed sign-ins (issue 11, part 5), counted per username typed and per client address, so that
-- guessing is slowed down on every server of an installation alike: the servers share this table, not
-- their memory. The key is a SHA-256 of kind and value: a username field sometimes holds a password
-- typed in the wrong box, and what an attacker types must not grow the row. One row per key: failures in
-- the current window, how often the key was locked (each lock lasts twice the one before), and until when.
CREATE TABLE sign_in_throttle (
    throttle_key   VARCHAR(64)  PRIMARY KEY,
    kind           VARCHAR(10)  NOT NULL,
    failures       INTEGER      NOT NULL,
    window_start   TIMESTAMP    NOT NULL,
    locks          INTEGER      NOT NULL,
    locked_until   TIMESTAMP,
    last_failure   TIMESTAMP    NOT NULL
);
-- The purge of rows nobody has failed on for a day.
CREATE INDEX sign_in_throttle_last_failure ON sign_in_throttle (last_failure);
