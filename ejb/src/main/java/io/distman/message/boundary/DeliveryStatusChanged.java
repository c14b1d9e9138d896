package io.distman.message.boundary;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;

/**
 * Fired after the transaction that changed a delivery's status has committed, so the host platform
 * can write a case note or activity entry. Never fired for a change that was rolled back.
 *
 * @param previous null when the delivery was just created
 */
public record DeliveryStatusChanged(long accountId, long messageId, long deliveryId, String address,
                                    String raisedBy, String sourceModule, String sourceRef,
                                    DeliveryStatus previous, DeliveryStatus current, Instant occurredAt,
                                    String source, String detail) {
}
