package io.distman.dispatch.entity;

import io.distman.message.entity.DeliveryStatus;

/** What one attempt to hand a delivery to the provider came to. */
public enum SendOutcome {
    ACCEPTED(DeliveryStatus.ACCEPTED),
    /** 4xx, connection fault, timeout: try again later. */
    TEMPORARY_FAILURE(DeliveryStatus.TEMPORARY_FAILURE),
    /** 5xx: the provider will never take it. */
    FAILED(DeliveryStatus.FAILED),
    /** Refused before any attempt was possible (e.g. an address the transport cannot express). */
    REJECTED(DeliveryStatus.REJECTED);

    private final DeliveryStatus status;

    SendOutcome(DeliveryStatus status) {
        this.status = status;
    }

    public DeliveryStatus status() {
        return status;
    }
}
