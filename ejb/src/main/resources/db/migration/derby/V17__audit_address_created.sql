-- Email Audit by recipient (measured by AuditBench on 10 million deliveries, on PostgreSQL): "to" with a whole address lists
-- newest first and the export walks that order in batches. With (account_id, address) alone PostgreSQL read
-- and sorted every row of the address for each page or batch (1.25 s for the first page of an address with
-- 100,000 rows); with created_at and id in the key (the audit's order, id breaking ties) it reads the page in
-- index order and stops after it, whatever the row estimate (the generic plan of a prepared statement guesses 1
-- row and sorted all 100,000 when only created_at was in the key), and counts from the index alone.
-- The new index serves every lookup the old one did (same leading columns), so the old one goes.
CREATE INDEX delivery_account_address_created ON delivery (account_id, address, created_at, id);
DROP INDEX delivery_account_address;
