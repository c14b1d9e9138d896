package io.distman.feedback.boundary;

import io.distman.feedback.control.MailboxSettings;
import io.distman.platform.boundary.ScheduleLeases;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the {@code bounce-mailbox} job, one run at a time: a poll while a run is going is skipped
 * (the running one takes what has arrived). Outside any transaction, as JBatch wants.
 */
// Created at deployment, not on first use during an undeploy (see DispatchJobs).
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // timers run without a caller identity
public class MailboxJobs {

    public static final String JOB = "bounce-mailbox";
    /** The poll's row in {@code scheduled_task}: one server of the installation polls at a time (MailboxSchedule). */
    public static final String POLL_TASK = "bounce-mailbox poll";
    private static final Logger LOG = Logger.getLogger(MailboxJobs.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    ScheduleLeases leases;

    private volatile long execution = -1;

    /** @return the job execution id, or -1 when no mailbox is configured or a run is still going */
    public long poll() {
        Optional<MailboxSettings> mailbox;
        try {
            mailbox = MailboxSettings.current();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage()); // every poll, until the setting is fixed
            return -1;
        }
        if (mailbox.isEmpty()) {
            return -1;
        }
        if (running.get() && lastRunEnded()) {
            // The listener did not say so (the run failed before it, or the server lost it): without this
            // check one such run would stop the polling for good.
            LOG.warning(() -> "The " + JOB + " run " + execution + " has ended without notice; polling again");
            running.set(false);
        }
        if (!running.compareAndSet(false, true)) {
            return -1;
        }
        try {
            execution = BatchRuntime.getJobOperator().start(JOB, new Properties());
            return execution;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot start " + JOB, e);
            running.set(false);
            return -1;
        }
    }

    private boolean lastRunEnded() {
        if (execution < 0) {
            return false;
        }
        try {
            BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
            return status != BatchStatus.STARTING && status != BatchStatus.STARTED && status != BatchStatus.STOPPING;
        } catch (RuntimeException e) {
            return true; // an execution the repository no longer knows is not running
        }
    }

    /** Whether this server's poll job is going (it holds the poll's turn). */
    public boolean polling() {
        return running.get() && !lastRunEnded();
    }

    /** Called by the job listener when a run ends, however it ended: the next server's tick may poll. */
    public void ended() {
        running.set(false);
        try {
            leases.finish(POLL_TASK);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back the mailbox poll's turn; it expires by itself", e);
        }
    }
}
