package io.distman.message.boundary;

/** Fired after commit when a user resends a delivery: {@code deliveryId} is the new one. */
public record DeliveryResent(long accountId, long messageId, long originalDeliveryId, long deliveryId, String address,
                             String resentBy) {
}
