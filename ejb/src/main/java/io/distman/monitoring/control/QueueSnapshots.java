package io.distman.monitoring.control;

import io.distman.monitoring.entity.QueueSnapshot;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import jakarta.inject.Inject;

/**
 * The last reading of the queue, taken again only when older than {@code distman.metrics.cacheFor}: however
 * often the probe is called and Prometheus scrapes, the database sees at most one grouped query per interval.
 */
@ApplicationScoped
public class QueueSnapshots {

    @EJB
    QueueReading reading;

    @Inject
    Clock clock;

    private QueueSnapshot last;

    /** @return a reading no older than the cache interval; throws when the database cannot be read */
    public synchronized QueueSnapshot current() {
        Instant now = clock.instant();
        if (last == null || !last.takenAt().plus(MonitorSettings.queueCacheFor()).isAfter(now)) {
            last = reading.read(now);
        }
        return last;
    }

    /** The last reading, however old, for gauges that must not query: null before the first. */
    public synchronized QueueSnapshot lastReading() {
        return last;
    }
}
