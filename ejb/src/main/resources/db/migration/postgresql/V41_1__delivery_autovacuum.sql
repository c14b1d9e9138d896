-- Autovacuum visits delivery at 1 % dead rows (analyses at 2 %) instead of the default 20 % (10 %). Every status change
-- updates a delivery row, and the dispatch claim reads the partial index delivery_due from its head: dead entries left
-- there by a large UPDATE are skipped by every claim until a vacuum marks them. At 10 million deliveries the default
-- waits for 2 million dead rows; a bulk cancel of 40,000 left the first dispatch after it at 0.60 of the SMTP limit
-- against 0.87 once vacuumed (docs/bench/2026-12-07-dispatch-vacuum.txt). PostgreSQL only: Derby has no autovacuum.
ALTER TABLE delivery SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
