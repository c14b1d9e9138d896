package io.distman.monitoring.boundary;

import io.distman.account.boundary.Installation;
import io.distman.monitoring.control.DatabaseProbe;
import io.distman.monitoring.control.MetricsRegistry;
import io.distman.monitoring.control.MonitorSettings;
import io.distman.monitoring.control.QueueSnapshots;
import io.distman.monitoring.control.SendOutcomes;
import io.distman.monitoring.entity.HealthReport;
import io.distman.monitoring.entity.PartStatus;
import io.distman.monitoring.entity.QueueSnapshot;
import io.distman.monitoring.entity.TransportHealth;
import io.distman.platform.boundary.SchemaMigration;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installation's health and metrics. The summary is for anyone (load balancers and the run profile probe
 * it without credentials) and names no account, host or relay reply; the whole report and the metrics are the
 * operator's. No transaction of its own: the database check must not wait for a connection the container
 * would enlist first.
 */
@Stateless
@RolesAllowed(Installation.OPERATOR)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Monitoring {

    @EJB
    SchemaMigration schema;

    @Inject
    DatabaseProbe database;

    @Inject
    QueueSnapshots queue;

    @Inject
    SendOutcomes sends;

    @Inject
    MetricsRegistry metrics;

    /** The probe's answer for anonymous callers: the parts' states and the oldest due age only. */
    @PermitAll // the liveness probe of load balancers and the run profile, which have no credentials
    public HealthReport summary() {
        return report().summary();
    }

    /** The whole report: queue depth, this server's transports with their last failure, why the database failed. */
    public HealthReport details() {
        return report();
    }

    /** The Prometheus text exposition of this server's metrics. */
    public String metrics() {
        return metrics.scrape();
    }

    private HealthReport report() {
        Map<String, PartStatus> checks = new LinkedHashMap<>();
        Optional<String> databaseProblem = database.problem();
        checks.put("database", databaseProblem.isPresent() ? PartStatus.DOWN : PartStatus.UP);
        List<TransportHealth> transports = sends.transports();
        checks.put("relay", transports.stream().map(TransportHealth::status).reduce(PartStatus.UNKNOWN, PartStatus::worse));
        QueueSnapshot snapshot = databaseProblem.isPresent() ? null : readQueue();
        checks.put("queue", snapshot == null ? PartStatus.UNKNOWN
                : snapshot.oldestDueAge().compareTo(MonitorSettings.queueLagLimit()) > 0 ? PartStatus.DEGRADED : PartStatus.UP);
        PartStatus overall = checks.values().stream().reduce(PartStatus.UP, PartStatus::worse);
        Map<String, Long> depth = null;
        if (snapshot != null) {
            depth = new LinkedHashMap<>();
            for (var entry : snapshot.depth().entrySet()) {
                depth.put(entry.getKey().name(), entry.getValue());
            }
        }
        return new HealthReport(overall, String.valueOf(schema.databaseVendor()), checks,
                snapshot == null ? null : snapshot.oldestDueAge().toSeconds(), depth, transports, databaseProblem.orElse(null));
    }

    private QueueSnapshot readQueue() {
        try {
            return queue.current();
        } catch (RuntimeException unreadable) {
            return null; // the database answered a moment ago; the queue part says UNKNOWN rather than fail the probe
        }
    }
}
