package io.distman.message.entity;

/**
 * Where a delivery stands. The order of the constants means nothing; {@link StatusPrecedence}
 * decides which status wins when events arrive late or out of order.
 */
public enum DeliveryStatus {
    /** Queued, due now. */
    PENDING,
    /** Queued with a send-at time in the future. */
    SCHEDULED,
    /** Claimed by a dispatcher that is handing it to the provider. */
    SENDING,
    /** The provider or relay took it (SMTP 250, HTTP 200). */
    ACCEPTED,
    /** The receiving server took it. */
    DELIVERED,
    /** A human opened it (machine opens are recorded but do not set this). */
    OPENED,
    /** A human clicked a link in it. */
    CLICKED,
    /** A 4xx or connection fault: it will be retried until it succeeds or grows too old. */
    TEMPORARY_FAILURE,
    /** A permanent failure: 5xx, hard bounce, or too old to retry. */
    FAILED,
    /** The recipient marked it as spam. */
    COMPLAINED,
    /** The recipient unsubscribed through it. */
    UNSUBSCRIBED,
    /** Never sendable: invalid address, or refused by the provider at submission. */
    REJECTED,
    /** No address was given for the recipient. */
    EMAIL_MISSING,
    /** The recipient opted out of this kind of mail. */
    OPTED_OUT,
    /** The address is on the suppression list. */
    SUPPRESSED,
    /** Held to go out in the recipient's digest. */
    PENDING_DIGEST,
    /** Cancelled by a user before it was sent. */
    CANCELLED
}
