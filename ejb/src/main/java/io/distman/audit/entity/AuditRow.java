package io.distman.audit.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.Instant;

/** One line of the Email Audit: one recipient of one email, read straight from the query (never an entity). */
public record AuditRow(long deliveryId, long messageId, Instant createdAt, String raisedBy, String address,
                       String subject, String sourceModule, String sourceRef, DeliveryStatus status,
                       Instant statusAt) implements Serializable {

    /** "demand 4711", "demand", "4711" or "" -- the module and record the email was raised from. */
    public String source() {
        String module = sourceModule == null ? "" : sourceModule;
        String ref = sourceRef == null ? "" : sourceRef;
        return (module + " " + ref).strip();
    }
}
