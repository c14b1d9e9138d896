package io.distman.monitoring.entity;

import java.util.List;
import java.util.Map;

/**
 * The health probe's answer. Anonymous callers get {@link #summary()}: the parts' states and the oldest due age,
 * nothing that names an account, a host or a relay reply. The operator gets it whole.
 *
 * @param status           the worst of the parts: DOWN only when the database does not answer
 * @param database         the database product (PostgreSQL, Apache Derby), as the probe always said
 * @param checks           per part (database, relay, queue) its state
 * @param oldestDueSeconds how long the oldest due mail has waited past its due time, null when the queue could not
 *                         be read
 * @param queue            deliveries per waiting status (operator only)
 * @param transports       this server's recent sends per transport (operator only)
 * @param databaseError    why the database check failed (operator only)
 */
public record HealthReport(PartStatus status, String database, Map<String, PartStatus> checks, Long oldestDueSeconds,
                           Map<String, Long> queue, List<TransportHealth> transports, String databaseError) {

    public HealthReport summary() {
        return new HealthReport(status, database, checks, oldestDueSeconds, null, null, null);
    }
}
