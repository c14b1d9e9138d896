package io.distman.queue.entity;

import io.distman.audit.entity.AuditRow;
import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.Instant;

/**
 * One line of the Queue: the audit's columns and what the agent needs about mail not gone yet (when the
 * next attempt is due, how many were made, the last SMTP reply or diagnostic).
 */
public record QueueRow(AuditRow mail, Instant nextAttemptAt, int attempts, String detail) implements Serializable {

    /** Selects this row for the audit's query machinery (fixed text, see {@code AuditQueries.page}). */
    public static final String SELECT = "SELECT NEW io.distman.queue.entity.QueueRow(d.id, m.id, d.createdAt, d.raisedBy, "
            + "d.address, m.subject, m.sourceModule, m.sourceRef, m.serialMailingId, d.status, d.statusAt, d.nextAttemptAt, d.attempts, "
            + "d.statusDetail) FROM Delivery d JOIN d.message m";

    /** The constructor the query calls: JPQL cannot nest constructor expressions. */
    public QueueRow(long deliveryId, long messageId, Instant createdAt, String raisedBy, String address, String subject,
                    String sourceModule, String sourceRef, Long serialMailingId, DeliveryStatus status, Instant statusAt,
                    Instant nextAttemptAt, int attempts, String detail) {
        this(new AuditRow(deliveryId, messageId, createdAt, raisedBy, address, subject, sourceModule, sourceRef,
                serialMailingId, status, statusAt), nextAttemptAt, attempts, detail);
    }

    /** The same row with another detail (why a limit holds it). */
    public QueueRow withDetail(String detail) {
        return new QueueRow(mail, nextAttemptAt, attempts, detail);
    }

    public long deliveryId() {
        return mail.deliveryId();
    }
}
