package io.distman.feedback.boundary;

import io.distman.feedback.control.MailboxSettings;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
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
public class MailboxJobs {

    public static final String JOB = "bounce-mailbox";
    private static final Logger LOG = Logger.getLogger(MailboxJobs.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    /** @return the job execution id, or -1 when no mailbox is configured or a run is still going */
    public long poll() {
        Optional<MailboxSettings> mailbox;
        try {
            mailbox = MailboxSettings.current();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage()); // every poll, until the setting is fixed
            return -1;
        }
        if (mailbox.isEmpty() || !running.compareAndSet(false, true)) {
            return -1;
        }
        try {
            return BatchRuntime.getJobOperator().start(JOB, new Properties());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot start " + JOB, e);
            running.set(false);
            return -1;
        }
    }

    /** Called by the job listener when a run ends, however it ended. */
    public void ended() {
        running.set(false);
    }
}
