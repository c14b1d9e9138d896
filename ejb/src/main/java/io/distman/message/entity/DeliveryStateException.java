package io.distman.message.entity;

import jakarta.ejb.ApplicationException;

/** An action that the delivery's current state does not allow, e.g. cancelling what was already sent. */
@ApplicationException(rollback = true)
public class DeliveryStateException extends RuntimeException {

    public DeliveryStateException(String message) {
        super(message);
    }
}
