package io.distman.submission.entity;

import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.RecipientType;
import java.io.Serializable;

/** One recipient's delivery as created by a submission, with its initial status and, if any, why. */
public final class DeliveryReceipt implements Serializable {

    private static final long serialVersionUID = 1L;

    public final long deliveryId;
    public final RecipientType type;
    public final String address;
    public final DeliveryStatus status;
    public final String detail;

    public DeliveryReceipt(long deliveryId, RecipientType type, String address, DeliveryStatus status, String detail) {
        this.deliveryId = deliveryId;
        this.type = type;
        this.address = address;
        this.status = status;
        this.detail = detail;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public RecipientType type() {
        return type;
    }

    public String address() {
        return address;
    }

    public DeliveryStatus status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryReceipt o && deliveryId == o.deliveryId && java.util.Objects.equals(type, o.type) && java.util.Objects.equals(address, o.address) && java.util.Objects.equals(status, o.status) && java.util.Objects.equals(detail, o.detail);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(deliveryId, type, address, status, detail);
    }

    @Override
    public String toString() {
        return "DeliveryReceipt[" + "deliveryId=" + deliveryId + ", " + "type=" + type + ", " + "address=" + address + ", " + "status=" + status + ", " + "detail=" + detail + "]";
    }

}
