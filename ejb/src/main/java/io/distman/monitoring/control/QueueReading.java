package io.distman.monitoring.control;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.monitoring.entity.QueueSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the queue in one grouped query under a time limit (see {@link Delivery#QUEUE_DEPTH}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class QueueReading {

    /** The statuses the query counts; SENDING is not "due" (a sender holds it), the others are once their time came. */
    static final List<DeliveryStatus> WAITING = List.of(DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED,
            DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public QueueSnapshot read(Instant now) {
        Map<DeliveryStatus, Long> depth = new EnumMap<>(DeliveryStatus.class);
        WAITING.forEach(status -> depth.put(status, 0L));
        Instant earliestDue = null;
        List<Object[]> rows = em.createNamedQuery(Delivery.QUEUE_DEPTH, Object[].class)
                .setHint("jakarta.persistence.query.timeout", MonitorSettings.databaseTimeout().toMillis())
                .getResultList();
        for (Object[] row : rows) {
            DeliveryStatus status = (DeliveryStatus) row[0];
            depth.put(status, ((Number) row[1]).longValue());
            Instant next = instant(row[2]);
            if (status != DeliveryStatus.SENDING && next != null && (earliestDue == null || next.isBefore(earliestDue))) {
                earliestDue = next;
            }
        }
        Duration age = earliestDue == null || earliestDue.isAfter(now) ? Duration.ZERO : Duration.between(earliestDue, now);
        return new QueueSnapshot(depth, age, now);
    }

    /** MIN over a converted attribute may come back as the column's JDBC type rather than an Instant. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}
