-- The dispatcher asks, per block of serial mail, which contact each message went to (the directory's opt-out is asked
-- again just before sending): by message id.
CREATE INDEX serial_recipient_message ON serial_recipient (message_id);
