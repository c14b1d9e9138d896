package io.distman.audit.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.Instant;

/**
 * One line of the Email Audit: one recipient of one email, read straight from the query (never an entity).
 * {@code serialMailingId} is the serial mailing the email was one letter of, null for any other mail.
 */
public record AuditRow(long deliveryId, long messageId, Instant createdAt, String raisedBy, String address,
                       String subject, String sourceModule, String sourceRef, Long serialMailingId, DeliveryStatus status,
                       Instant statusAt) implements Serializable {

    /** Whether the email is serial mail (the screens show a "Serial" badge linking to its mailing). */
    public boolean serial() {
        return serialMailingId != null;
    }

    /** "demand 4711", "demand", "4711" or "" -- the module and record the email was raised from. */
    public String source() {
        String module = sourceModule == null ? "" : sourceModule;
        String ref = sourceRef == null ? "" : sourceRef;
        return (module + " " + ref).strip();
    }
}
