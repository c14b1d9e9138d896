package io.distman.monitoring.control;

import io.distman.platform.boundary.Settings;
import java.time.Duration;

/** The monitoring's settings (JVM system properties, like every other setting, read when used). */
public final class MonitorSettings {

    private MonitorSettings() {
    }

    /** How long the database check may take, connection included, before the database counts as DOWN; default 3 s. */
    public static Duration databaseTimeout() {
        return Settings.duration("distman.health.databaseTimeout", Duration.ofSeconds(3));
    }

    /** Oldest due mail waiting longer than this makes the queue DEGRADED; default 30 minutes. */
    public static Duration queueLagLimit() {
        return Settings.duration("distman.health.queueLagLimit", Duration.ofMinutes(30));
    }

    /** Temporary failures in a row, without an accepted send between, that make a transport DEGRADED; default 3. */
    public static long relayFailuresInARow() {
        return Math.max(1, Settings.longValue("distman.health.relayFailures", 3));
    }

    /** How long one reading of the queue serves the probe and the scrapes; default 5 s. */
    public static Duration queueCacheFor() {
        return Settings.duration("distman.metrics.cacheFor", Duration.ofSeconds(5));
    }
}
