package io.distman.message.boundary;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;

/**
 * Fired after the transaction that changed a delivery's status has committed, so the host platform
 * can write a case note or activity entry. Never fired for a change that was rolled back.
 *
 * @param previous null when the delivery was just created
 * @param smtpCode the reply code that came with the change (SMTP, or the provider's mapped to one), null when
 *                 there was none (a connection fault, a tracking event); the metrics count failures by it
 */
public record DeliveryStatusChanged(long accountId, long messageId, long deliveryId, String address,
                                    String raisedBy, String sourceModule, String sourceRef,
                                    DeliveryStatus previous, DeliveryStatus current, Instant occurredAt,
                                    String source, String detail, Integer smtpCode) {

    /** A change without a reply code (the shape the host saw before the code was added). */
    public DeliveryStatusChanged(long accountId, long messageId, long deliveryId, String address, String raisedBy,
                                 String sourceModule, String sourceRef, DeliveryStatus previous, DeliveryStatus current,
                                 Instant occurredAt, String source, String detail) {
        this(accountId, messageId, deliveryId, address, raisedBy, sourceModule, sourceRef, previous, current, occurredAt,
                source, detail, null);
    }
}
