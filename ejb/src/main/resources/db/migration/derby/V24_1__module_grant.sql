-- The back-office modules that call the service in this server (local EJB view) each run as a principal
-- of their own; this table says which accounts each principal may act for. Nobody is trusted with an
-- account a request merely names: no row, no access. REST callers are scoped by their API key instead.
CREATE TABLE module_grant (
    principal_name  VARCHAR(200) NOT NULL,
    account_id      BIGINT       NOT NULL REFERENCES account(id),
    granted_at      TIMESTAMP    NOT NULL,
    granted_by      VARCHAR(200) NOT NULL,
    PRIMARY KEY (principal_name, account_id)
);
