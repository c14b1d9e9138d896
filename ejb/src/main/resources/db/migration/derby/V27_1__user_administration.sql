-- Account administration from the screens: a user can be deactivated (refused at sign-in like a wrong password,
-- kept for the raised-by names of their mail), and the time of their last sign-in is shown to the admin.
ALTER TABLE app_user ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE app_user ADD COLUMN last_sign_in_at TIMESTAMP;

-- An invitation: a one-time, expiring link with which a new user (or one whose password was reset) sets their
-- own password. Only the SHA-256 of its token is stored; the token is in the mail and shown to the admin once.
CREATE TABLE user_invitation (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES account(id),
    username     VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    created_by   VARCHAR(300) NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    used_at      TIMESTAMP
);
CREATE INDEX user_invitation_user ON user_invitation (account_id, username);
