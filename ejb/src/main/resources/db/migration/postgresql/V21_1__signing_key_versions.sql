-- The link-signing keys get versions, so a new key can be made current while links signed with an older
-- one keep working for a while (distman.links.oldKeyValidity after retired_at). The secret is sealed with
-- the installation key (SecretBox, v1:<key id>:...). A migration has no installation key: the rows copied
-- from app_secret stay plaintext until SecretSealing seals them when the application starts. The old keys
-- become version 0, the version of every token minted before tokens carried one.
CREATE TABLE signing_key (
    name            VARCHAR(60)   NOT NULL,
    version         INT           NOT NULL,
    secret          VARCHAR(500)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    retired_at      TIMESTAMPTZ,
    PRIMARY KEY (name, version)
);

INSERT INTO signing_key (name, version, secret, created_at) SELECT name, 0, secret, created_at FROM app_secret;

DROP TABLE app_secret;
