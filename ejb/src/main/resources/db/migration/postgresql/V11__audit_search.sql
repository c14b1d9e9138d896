-- Email Audit.
-- The workbench's links ask for a status within a day ("FAILED today"): the index by status and
-- status time does not serve a range of creation times, this one does.
CREATE INDEX delivery_account_status_created ON delivery (account_id, status, created_at);

-- "To" with part of an address is LOWER(address) LIKE '%part%', which no B-tree serves; a trigram index
-- does. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it, no superuser needed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX delivery_address_trgm ON delivery USING gin (LOWER(address) gin_trgm_ops);
