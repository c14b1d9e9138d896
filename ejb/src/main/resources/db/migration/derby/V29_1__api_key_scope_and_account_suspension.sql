-- API keys an admin manages: a displayable prefix (the key itself is shown once and only its SHA-256 kept), the
-- scope (SEND: the submission API; ADMIN: also the account's administration), who issued it and when it was last
-- used (written at most once a minute per key, not on every request). Keys from before keep scope SEND and have
-- no prefix to show.
ALTER TABLE api_key ADD COLUMN key_prefix VARCHAR(16);
ALTER TABLE api_key ADD COLUMN scope VARCHAR(10) DEFAULT 'SEND' NOT NULL;
ALTER TABLE api_key ADD COLUMN issued_by VARCHAR(300);
ALTER TABLE api_key ADD COLUMN last_used_at TIMESTAMP;
CREATE INDEX api_key_account ON api_key (account_id, created_at);

-- An operator suspends an account: its keys, users and modules are refused until it is reactivated.
ALTER TABLE account ADD COLUMN suspended_at TIMESTAMP;
