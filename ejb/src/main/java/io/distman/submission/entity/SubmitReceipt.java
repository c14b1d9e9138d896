package io.distman.submission.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What {@code submit} returns.
 *
 * <br>{@code duplicate}: true when the idempotency key was seen before and this is the first submission's receipt
 */
public final class SubmitReceipt implements Serializable {

    private static final long serialVersionUID = 1L;

    public final long messageId;
    public final boolean duplicate;
    public final List<DeliveryReceipt> deliveries;

    public SubmitReceipt(long messageId, boolean duplicate, List<DeliveryReceipt> deliveries) {
        this.messageId = messageId;
        this.duplicate = duplicate;
        this.deliveries = deliveries;
    }

    public long messageId() {
        return messageId;
    }

    public boolean duplicate() {
        return duplicate;
    }

    public List<DeliveryReceipt> deliveries() {
        return deliveries;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubmitReceipt o && messageId == o.messageId && duplicate == o.duplicate && java.util.Objects.equals(deliveries, o.deliveries);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(messageId, duplicate, deliveries);
    }

    @Override
    public String toString() {
        return "SubmitReceipt[" + "messageId=" + messageId + ", " + "duplicate=" + duplicate + ", " + "deliveries=" + deliveries + "]";
    }

}
