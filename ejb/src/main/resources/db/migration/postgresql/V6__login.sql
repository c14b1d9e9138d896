-- Form login (Jakarta Security's database identity store): a user signs in with a username that is
-- unique across the installation, a PBKDF2 password hash, and the role of app_user.user_role.
ALTER TABLE app_user ADD COLUMN password_hash VARCHAR(400);
CREATE UNIQUE INDEX app_user_username ON app_user (username);

-- Support staff work for several agencies: the accounts each support user has been granted besides
-- their own. Every screen still shows one account at a time.
CREATE TABLE support_grant (
    username    VARCHAR(100) NOT NULL,
    account_id  BIGINT       NOT NULL REFERENCES account(id),
    PRIMARY KEY (username, account_id)
);
