package io.distman.platform.boundary;

import io.distman.platform.control.InstanceName;
import io.distman.platform.control.ScheduledTaskRows;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Installation-wide turns for scheduled jobs. Every server of an installation runs the same non-persistent
 * timers; at each tick a job asks here first, and only the server that takes the job's row in the shared
 * database ({@code scheduled_task}) runs it. A turn has a lease (a server that dies mid-run blocks the job
 * only until then) and a minimum gap since the last run began, which is what makes a job run once per
 * period however the servers' timers are offset (the daily summary: once a day, not once per server).
 * Portable SQL (one conditional UPDATE), so it works on the embedded Derby as on PostgreSQL.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each row change commits on its own (ScheduledTaskRows)
@PermitAll // called by timers, which run without a caller identity
public class ScheduleLeases {

    private static final Logger LOG = Logger.getLogger(ScheduleLeases.class.getName());

    @EJB
    ScheduledTaskRows rows;

    @Inject
    Clock clock;

    /** This server's name as a holder of leases. */
    public String holder() {
        return InstanceName.get();
    }

    /** Takes the job's turn when nobody holds a live lease on it; {@code lease} bounds how long a dead holder blocks it. */
    public boolean tryRun(String name, Duration lease) {
        return tryRun(name, lease, Duration.ZERO);
    }

    /**
     * Takes the job's turn when nobody else holds a live lease on it and its last run (on any server) began at least
     * {@code gap} ago.
     *
     * @return whether this server holds the turn now and should run the job
     */
    public boolean tryRun(String name, Duration lease, Duration gap) {
        if (lease.isNegative() || lease.isZero() || gap.isNegative()) {
            throw new IllegalArgumentException("lease must be positive and gap not negative: " + lease + ", " + gap);
        }
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        Instant startedBefore = now.minus(gap);
        if (rows.take(name, holder(), now, until, startedBefore)) {
            return true;
        }
        if (rows.find(name) != null) {
            return false;
        }
        try {
            rows.create(name);
        } catch (EJBException e) {
            // Another server created it in the same instant: its row is there now, and the take below competes for it.
            LOG.log(Level.FINE, "Row of scheduled job '" + name + "' created elsewhere", e);
        }
        return rows.take(name, holder(), now, until, startedBefore);
    }

    /** Gives a turn back at the end of the run (a no-op when the lease expired and another server took it). */
    public void finish(String name) {
        rows.release(name, holder());
    }

    /**
     * Runs {@code job} on this server when it gets the turn ({@link #tryRun(String, Duration, Duration)}) and gives the
     * turn back however the job ends.
     *
     * @return whether the job ran here
     */
    public boolean once(String name, Duration lease, Duration gap, Runnable job) {
        if (!tryRun(name, lease, gap)) {
            LOG.fine(() -> "Scheduled job '" + name + "': another server's turn");
            return false;
        }
        try {
            job.run();
        } finally {
            finish(name);
        }
        return true;
    }

    /** The gap for a job every server ticks every {@code interval}: a little less than it, so a timer firing early still runs. */
    public static Duration gapFor(Duration interval) {
        return interval.multipliedBy(4).dividedBy(5);
    }
}
