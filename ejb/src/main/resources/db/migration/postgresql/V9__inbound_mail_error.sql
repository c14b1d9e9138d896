-- Inbound mail whose ingestion failed (a message no transaction could record) is still kept, once,
-- with kind 'unreadable' and the error, so the bounce mailbox can let go of it instead of retrying
-- it on every poll, and nobody loses it.
ALTER TABLE inbound_mail ADD COLUMN ingest_error VARCHAR(1000);
