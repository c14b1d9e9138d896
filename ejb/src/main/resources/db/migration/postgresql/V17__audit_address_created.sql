-- Email Audit by recipient (measured by AuditBench on 10 million deliveries): "to" with a whole address lists
-- newest first and the export walks that order in batches. With (account_id, address) alone PostgreSQL read
-- and sorted every row of the address for each page or batch (1.25 s for the first page of an address with
-- 100,000 rows); with created_at and id in the key (the audit's order, id breaking ties) it reads the page in
-- index order and stops after it, whatever the row estimate (the generic plan of a prepared statement guesses 1
-- row and sorted all 100,000 when only created_at was in the key), and counts from the index alone.
-- The new index serves every lookup the old one did (same leading columns), so the old one goes.
CREATE INDEX delivery_account_address_created ON delivery (account_id, address, created_at, id);
DROP INDEX delivery_account_address;

-- "To" with part of an address: PostgreSQL estimates LIKE '%part%' from the histogram of LOWER(address), and
-- with the default 100 buckets a part in 2 % of the rows ("smith") matched none and was taken for 0.01 %:
-- it then fetched and sorted 110,000 rows for a page (3 s) instead of walking the newest rows of the account
-- until 25 match (1 ms). 1,000 buckets see such parts; rare ones still go to the trigram index.
ALTER INDEX delivery_address_trgm ALTER COLUMN 1 SET STATISTICS 1000;
ANALYZE delivery;
