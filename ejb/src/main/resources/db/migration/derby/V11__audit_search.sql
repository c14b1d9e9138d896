-- Email Audit.
-- The workbench's links ask for a status within a day ("FAILED today"): the index by status and
-- status time does not serve a range of creation times, this one does.
-- (Derby has no trigram index: a search for part of an address scans the account's rows of the range.)
CREATE INDEX delivery_account_status_created ON delivery (account_id, status, created_at);
