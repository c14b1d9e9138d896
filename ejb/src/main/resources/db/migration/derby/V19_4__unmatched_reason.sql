-- Issue 10: an event matches a delivery only when it proves it may (our signed delivery token, or a
-- message id with the delivery's recipient and account); the rest is kept unmatched, and support needs
-- to see why (e.g. "delivery token not signed by us"). Versioned 19.4 so that it sorts after V18 without
-- taking a number a parallel change may use.
ALTER TABLE provider_event ADD COLUMN unmatched_reason VARCHAR(200);
