package io.distman.submission.entity;

import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.RecipientType;
import java.io.Serializable;

/** One recipient's delivery as created by a submission, with its initial status and, if any, why. */
public record DeliveryReceipt(long deliveryId, RecipientType type, String address, DeliveryStatus status,
                              String detail) implements Serializable {
}
