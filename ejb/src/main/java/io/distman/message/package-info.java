/**
 * The archive and the status model: message, content, attachments, delivery (one per recipient) and its
 * append-only timeline, the statuses and their precedence, and {@code DeliveryStatusRecorder} — the one
 * method that changes a delivery's status. It announces changes in the transaction
 * ({@code DeliveryStatusApplied}, {@code StatusChangesArriving}: the suppression policy keeps in step) and
 * after commit ({@code DeliveryStatusChanged}: notifications, the host). Address syntax checks live here
 * too, since submission, audit and suppression all need them.
 * May touch: platform. Everything that sends, reads or reports mail builds on it.
 */
package io.distman.message;
