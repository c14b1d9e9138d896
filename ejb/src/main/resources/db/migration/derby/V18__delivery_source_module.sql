-- The Monthly counts report groups an account's deliveries by month, status and source module; copied onto
-- delivery (as raised_by is), the report reads one index range instead of joining message (see the PostgreSQL twin).
ALTER TABLE delivery ADD COLUMN source_module VARCHAR(50);
UPDATE delivery SET source_module = (SELECT m.source_module FROM message m WHERE m.id = delivery.message_id);
CREATE INDEX delivery_account_created_report ON delivery (account_id, created_at, status, source_module);
