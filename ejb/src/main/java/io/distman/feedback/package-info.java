/**
 * Intake of what happens after sending: provider webhooks (Mailgun, SES via SNS, SendGrid, Postmark), the
 * bounce pipe and the bounce mailbox job, the pixel, clicks and unsubscribes. Each source is authenticated,
 * bounded and parsed here, then recorded as status changes through message's status method; events that
 * match no delivery of the right account are kept as unmatched. Classification itself is bounce's.
 * May touch: account, message, bounce, tracking, adminlog (webhook credentials set through {@code WebhookAdmin}), platform.
 */
package io.distman.feedback;
