-- Installation secrets, made once and shared by every server: the key that signs the tokens in
-- unsubscribe (and later tracking) links, so a link cannot be forged or pointed at another delivery.
CREATE TABLE app_secret (
    name            VARCHAR(60)   PRIMARY KEY,
    secret          VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL
);
