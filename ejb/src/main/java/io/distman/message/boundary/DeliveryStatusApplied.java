package io.distman.message.boundary;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.StatusChange;

/**
 * Fired synchronously, inside the recording transaction, when a change has moved a delivery to another
 * status. Observers keep their own rows in step with it in the same transaction (the suppression list
 * after a complaint, a hard bounce or an unsubscribe), so the status and its consequences commit or roll
 * back together. {@link DeliveryStatusChanged} is the after-commit announcement for everyone else.
 */
public record DeliveryStatusApplied(Delivery delivery, StatusChange change) {
}
