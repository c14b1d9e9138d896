/**
 * The Email Audit: filtered, paged, counted lists of deliveries for an account, the Excel/PDF exports and
 * the View dialog (the message as the recipient saw it, status details, timeline, suppression reason,
 * recommended action, resend). Read-mostly; its queries are shared by Queue and History.
 * May touch: account, message, submission (resend/cancel), suppression, dispatch (retry schedule), platform.
 */
package io.distman.audit;
