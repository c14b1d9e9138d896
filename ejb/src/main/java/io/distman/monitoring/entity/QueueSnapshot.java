package io.distman.monitoring.entity;

import io.distman.message.entity.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The queue at one moment: deliveries per waiting status and how long the oldest due one has been due.
 *
 * @param depth        deliveries per status (PENDING, SCHEDULED, SENDING, TEMPORARY_FAILURE), zero ones included
 * @param oldestDueAge how long the earliest due delivery (PENDING, SCHEDULED or TEMPORARY_FAILURE whose next
 *                     attempt has come) has waited past its due time; zero when nothing is due
 */
public record QueueSnapshot(Map<DeliveryStatus, Long> depth, Duration oldestDueAge, Instant takenAt) {

    public long count(DeliveryStatus status) {
        return depth.getOrDefault(status, 0L);
    }
}
