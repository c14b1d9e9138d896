package io.distman.monitoring.control;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.DeliveryStatus;
import io.distman.monitoring.entity.PartStatus;
import io.distman.monitoring.entity.TransportHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Counts what the send path and the feedback report, by observing {@link DeliveryStatusChanged} after commit:
 * sends accepted per transport, failures by status, source and reply code (the metrics), and per transport the
 * run of temporary failures since the last accepted send (the health probe's relay part). An attempt is a change
 * out of SENDING; its source is the transport (SMTP, MAILGUN). Labels come only from our own small vocabularies
 * (statuses, sources, a 4xx/5xx code or "none"), so a hostile reply cannot grow the number of series.
 */
@ApplicationScoped
public class SendOutcomes {

    private static final Set<DeliveryStatus> FAILURES = Set.of(DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.FAILED,
            DeliveryStatus.REJECTED);
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_:.-]{1,40}");
    private static final int MAX_TRANSPORTS = 20;

    @Inject
    MetricsRegistry metrics;

    private final Map<String, TransportTally> transports = new ConcurrentHashMap<>();

    void observe(@Observes DeliveryStatusChanged change) {
        String source = label(change.source());
        boolean attempt = change.previous() == DeliveryStatus.SENDING;
        if (attempt && change.current() == DeliveryStatus.ACCEPTED) {
            metrics.registry().counter("distman.deliveries.sent", "transport", source).increment();
        }
        if (FAILURES.contains(change.current())) {
            metrics.registry().counter("distman.delivery.failures", "status", change.current().name(), "source", source,
                    "reason", reason(change.smtpCode())).increment();
        }
        if (attempt && (transports.containsKey(source) || transports.size() < MAX_TRANSPORTS)) {
            transports.computeIfAbsent(source, TransportTally::new).record(change);
        }
    }

    /** This server's transports, by name, each DEGRADED once its failures in a row reach the limit. */
    public List<TransportHealth> transports() {
        long limit = MonitorSettings.relayFailuresInARow();
        return transports.values().stream().map(tally -> tally.health(limit))
                .sorted(Comparator.comparing(TransportHealth::transport)).toList();
    }

    static String reason(Integer smtpCode) {
        return smtpCode != null && smtpCode >= 400 && smtpCode <= 599 ? String.valueOf(smtpCode) : "none";
    }

    static String label(String source) {
        return source != null && LABEL.matcher(source).matches() ? source : "other";
    }

    /** One transport's run of outcomes; updated under its own lock, as sends finish on several threads. */
    private static final class TransportTally {
        private final String transport;
        private long accepted;
        private long failed;
        private long inARow;
        private Instant lastAcceptedAt;
        private Instant lastFailureAt;
        private String lastFailure;

        TransportTally(String transport) {
            this.transport = transport;
        }

        synchronized void record(DeliveryStatusChanged change) {
            switch (change.current()) {
                case ACCEPTED -> {
                    accepted++;
                    inARow = 0;
                    lastAcceptedAt = change.occurredAt();
                }
                case TEMPORARY_FAILURE, FAILED -> {
                    failed++;
                    // A permanent refusal is the receiver speaking: the relay answered. Only temporary ones say
                    // the way out may be blocked (no connection, 421, a refused key).
                    inARow += change.current() == DeliveryStatus.TEMPORARY_FAILURE ? 1 : 0;
                    lastFailureAt = change.occurredAt();
                    lastFailure = clip(change.detail());
                }
                default -> {
                    // Cancelled or suppressed while being sent: says nothing about the relay.
                }
            }
        }

        synchronized TransportHealth health(long limit) {
            return new TransportHealth(transport, inARow >= limit ? PartStatus.DEGRADED : PartStatus.UP, accepted, failed,
                    inARow, lastAcceptedAt, lastFailureAt, lastFailure);
        }

        private static String clip(String detail) {
            return detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300);
        }
    }
}
