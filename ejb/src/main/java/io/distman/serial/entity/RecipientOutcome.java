package io.distman.serial.entity;

/**
 * What a selected contact got. QUEUED: a message went to the queue (its delivery tells the rest); the others got
 * none that will be sent: EMAIL_MISSING (with the contact's postal address, for the print queue), SUPPRESSED and
 * OPTED_OUT are also what their delivery says; NOT_NEWSLETTER contacts get no message at all; CANCELLED: the
 * mailing was cancelled before their message was made.
 */
public enum RecipientOutcome {
    QUEUED, EMAIL_MISSING, OPTED_OUT, SUPPRESSED, NOT_NEWSLETTER, REJECTED, CANCELLED
}
