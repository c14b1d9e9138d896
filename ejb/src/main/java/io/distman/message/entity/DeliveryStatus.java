package io.distman.message.entity;

/**
 * Where a delivery stands. The order of the constants means nothing; {@link StatusPrecedence}
 * decides which status wins when events arrive late or out of order. Each status carries the words an
 * agent reads for it ({@link #label()}): screens, exports, notifications and the widget all take them from
 * here, so a status is called the same everywhere; the constant's name stays the code (APIs, links, exports'
 * code column).
 */
public enum DeliveryStatus {
    /** Queued, due now. */
    PENDING("Waiting to be sent"),
    /** Queued with a send-at time in the future. */
    SCHEDULED("Scheduled"),
    /** Claimed by a dispatcher that is handing it to the provider. */
    SENDING("Being sent"),
    /** The provider or relay took it (SMTP 250, HTTP 200). */
    ACCEPTED("Handed to the provider"),
    /** The receiving server took it. */
    DELIVERED("Delivered"),
    /** A human opened it (machine opens are recorded but do not set this). */
    OPENED("Opened"),
    /** A human clicked a link in it. */
    CLICKED("Link clicked"),
    /** A 4xx or connection fault: it will be retried until it succeeds or grows too old. */
    TEMPORARY_FAILURE("Delayed, will retry"),
    /** A permanent failure: 5xx, hard bounce, or too old to retry. */
    FAILED("Failed"),
    /** The recipient marked it as spam. */
    COMPLAINED("Marked as spam"),
    /** The recipient unsubscribed through it. */
    UNSUBSCRIBED("Unsubscribed"),
    /** Never sendable: invalid address, or refused by the provider at submission. */
    REJECTED("Rejected, not sent"),
    /** No address was given for the recipient. */
    EMAIL_MISSING("No email address"),
    /** The recipient opted out of this kind of mail. */
    OPTED_OUT("Opted out"),
    /** The address is on the suppression list. */
    SUPPRESSED("Address blocked"),
    /** Held to go out in the recipient's digest. */
    PENDING_DIGEST("Held for the digest"),
    /** Cancelled by a user before it was sent. */
    CANCELLED("Cancelled"),
    /**
     * Printed from the print queue as a letter, to be posted (issue 13): a status and not only a timeline line,
     * because "did it go?" now has a new answer: it went by post. See {@link StatusPrecedence} for its rank.
     */
    PRINTED("Printed as a letter");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    /** @return what an agent reads for this status, e.g. "Delayed, will retry" for {@code TEMPORARY_FAILURE} */
    public String label() {
        return label;
    }

    /** The same as {@link #label()}, as a bean property for Faces: {@code #{row.status().label}}. */
    public String getLabel() {
        return label;
    }
}
