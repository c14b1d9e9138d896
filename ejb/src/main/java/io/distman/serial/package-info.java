/**
 * Serial mail: an account's merge templates (Pebble, HTML auto-escaped), and mailings that write one message per
 * contact of a directory filter or worklist, each with its own salutation and fields, through the normal submission
 * path as BULK mail (queue, lanes, rate limits). Messages are created in chunks, each chunk in its own transaction
 * with the mailing's cursor, so a large mailing is never one transaction and resumes after a restart. Counts with
 * reasons before sending, previews for any contact, progress from the deliveries, cancel, a CDI event per recipient
 * for the host's activity log. Open tracking only where the directory reports the contact's consent. Signatures
 * (a user's own, else the sender identity's; HTML cleaned on save) are copied onto a mailing and merged into each
 * mail; attachments are bounded and typed by one rule for Compose and REST.
 * May touch: account (callers), directory, identity (sender check; its admin boundary for signatures), message, preference (opt-outs), submission, suppression, platform.
 */
package io.distman.serial;
