package io.distman.monitoring.entity;

/**
 * How one part of the installation (database, relays, queue) or the whole is doing. Only a database that does
 * not answer makes the whole DOWN (503): mail cannot even be accepted then. A failing relay or a lagging queue
 * makes it DEGRADED: the installation still takes mail and will send it once the cause is gone.
 */
public enum PartStatus {
    UP, DEGRADED, DOWN,
    /** Not known yet: no send since the server started, or the queue could not be read. */
    UNKNOWN;

    /** The worse of two, for the whole; UNKNOWN counts as nothing to report. */
    public PartStatus worse(PartStatus other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(PartStatus status) {
        return switch (status) {
            case UNKNOWN -> 0;
            case UP -> 1;
            case DEGRADED -> 2;
            case DOWN -> 3;
        };
    }
}
