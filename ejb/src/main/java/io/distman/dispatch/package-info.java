/**
 * Sending: claims due deliveries with a lease (SKIP LOCKED on PostgreSQL), renders MIME once per message,
 * DKIM-signs each copy with its sender domain's key ({@code identity}), sends through the account's transport
 * (SMTP relay or Mailgun) and records each {@code SendResult} through the status method; the relay's "test
 * connection" ({@code RelayCheck}) and the admin's transport ({@code TransportAdmin}); retry back-off ({@code RetryPolicy}) and the batch job's schedule. The
 * Jakarta Batch artifacts in batch-jobs ({@code dispatch.batch}) stay thin and call this feature.
 * May touch: account, identity (signing keys), message, suppression (re-check at claim), tracking (pixel, links,
 * tokens), bounce (the one reading of SMTP replies and their severity), ratelimit (what may go now, receivers' "too
 * many"), adminlog, platform.
 */
package io.distman.dispatch;
