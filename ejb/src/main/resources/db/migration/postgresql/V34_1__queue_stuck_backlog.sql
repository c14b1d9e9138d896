-- A stuck-queue episode is now per account AND backlog: mail waiting unsent (PENDING, as before) or mail
-- piling up in TEMPORARY_FAILURE (RETRYING: a dead relay, a wrong provider key). Each is told once per episode,
-- and one being open does not hide the other. Existing rows are PENDING episodes.
ALTER TABLE queue_stuck ADD COLUMN backlog VARCHAR(20) NOT NULL DEFAULT 'PENDING';
ALTER TABLE queue_stuck DROP CONSTRAINT queue_stuck_pkey;
ALTER TABLE queue_stuck ADD PRIMARY KEY (account_id, backlog);
