package io.distman.monitoring.control;

import io.distman.message.entity.DeliveryStatus;
import io.distman.monitoring.entity.QueueSnapshot;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The application's one Micrometer registry, in Prometheus format. The queue gauges read the last
 * {@link QueueSnapshots} reading and never query themselves: the scrape refreshes the reading once before it
 * renders ({@link #scrape()}), so one scrape is one grouped query at most. The counters are per server (each
 * instance is scraped on its own, as Prometheus expects) and start at zero when it starts.
 */
@ApplicationScoped
public class MetricsRegistry {

    @Inject
    QueueSnapshots snapshots;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @PostConstruct
    void gauges() {
        for (DeliveryStatus status : QueueReading.WAITING) {
            Gauge.builder("distman.queue.deliveries", snapshots, s -> depth(s.lastReading(), status))
                    .description("Deliveries waiting in the queue, by status").tag("status", status.name())
                    .strongReference(true).register(registry);
        }
        Gauge.builder("distman.queue.oldest.due.age", snapshots, s -> oldestDue(s.lastReading()))
                .description("How long the oldest due delivery has waited past its due time").baseUnit("seconds")
                .strongReference(true).register(registry);
    }

    private static double depth(QueueSnapshot snapshot, DeliveryStatus status) {
        return snapshot == null ? Double.NaN : snapshot.count(status);
    }

    private static double oldestDue(QueueSnapshot snapshot) {
        return snapshot == null ? Double.NaN : snapshot.oldestDueAge().toMillis() / 1000.0;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * @return the Prometheus text exposition; the queue gauges are NaN when the queue could not be read (the
     *         counters are still worth having then)
     */
    public String scrape() {
        try {
            snapshots.current();
        } catch (RuntimeException unreadable) {
            // The last reading stays; a scrape of a server whose database is gone still shows the counters.
        }
        return registry.scrape();
    }
}
