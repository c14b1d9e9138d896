package io.distman.serial.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;

/** One contact's result: what the mailing did and, if it made a message, its delivery's status now. */
public record RecipientResult(long contactId, String name, String address, RecipientOutcome outcome, Long messageId,
                              Long deliveryId, DeliveryStatus status) implements Serializable {
}
