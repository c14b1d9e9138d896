package io.distman.notification.entity;

import java.io.Serializable;
import java.time.Instant;

/** A notification as the bell and the list show it. */
public record NotificationRow(long id, NotificationKind kind, Long deliveryId, String status, String title,
                              String detail, Instant createdAt, boolean read) implements Serializable {

    public static NotificationRow of(Notification n) {
        return new NotificationRow(n.getId(), n.getKind(), n.getDeliveryId(),
                n.getStatus() == null ? null : n.getStatus().name(), n.getTitle(), n.getDetail(), n.getCreatedAt(),
                n.getReadAt() != null);
    }
}
