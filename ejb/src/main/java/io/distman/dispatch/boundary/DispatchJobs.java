package io.distman.dispatch.boundary;

import io.distman.platform.boundary.ScheduleLeases;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the {@code dispatch-pending} batch job: as a sweep of everything due (by the schedule or on
 * demand), and as an urgent run within seconds of an URGENT submission's commit. Nudges coalesce:
 * while an urgent run is going, further nudges only mark that another run is wanted, and the run
 * is restarted when it ends, so nothing submitted during a run waits for the next schedule.
 */
// Created at deployment, not on first use: a singleton first used while the application is being undeployed
// (a dispatch run still sending) is added to GlassFish's list of singletons while SingletonLifeCycleManager
// walks it to shut them down — a ConcurrentModificationException that left the EJB module half-stopped and
// broke every later deployment of the test run (seen once in CI on Derby).
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // timers and the dispatch job run without a caller identity
public class DispatchJobs {

    public static final String JOB = "dispatch-pending";
    /** The sweep's row in {@code scheduled_task}: a sweep starts once per interval per installation (DispatchSchedule). */
    public static final String SWEEP_TASK = "dispatch sweep";
    private static final Logger LOG = Logger.getLogger(DispatchJobs.class.getName());

    private final AtomicBoolean urgentRunning = new AtomicBoolean();
    private final AtomicBoolean urgentWanted = new AtomicBoolean();
    private final AtomicBoolean sweepRunning = new AtomicBoolean();

    @Resource
    ManagedExecutorService executor;

    @EJB
    ScheduleLeases leases;

    /** Dispatch urgent mail now; cheap to call often. Urgent submissions and resends call it (UrgentNudges). */
    public void nudge() {
        urgentWanted.set(true);
        if (urgentRunning.compareAndSet(false, true)) {
            executor.execute(() -> start(true));
        }
    }

    /** Dispatch everything due. @return the job execution id, or -1 when a sweep is already running */
    public long sweep() {
        if (!sweepRunning.compareAndSet(false, true)) {
            return -1;
        }
        return start(false);
    }

    /** Whether a sweep runs on this server now. */
    public boolean sweeping() {
        return sweepRunning.get();
    }

    /** Called by the job listener when a run ends, however it ended. */
    public void ended(boolean urgent) {
        if (!urgent) {
            sweepRunning.set(false);
            giveBackTurn();
            return;
        }
        urgentRunning.set(false);
        if (urgentWanted.get() && urgentRunning.compareAndSet(false, true)) {
            executor.execute(() -> start(true));
        }
    }

    /** Called by the job's reader as it begins claiming: nudges from now on are served by this run. */
    public void started(boolean urgent) {
        if (urgent) {
            urgentWanted.set(false);
        }
    }

    /** The next server's tick need not wait for this sweep's turn to expire (a no-op when this server held none). */
    private void giveBackTurn() {
        try {
            leases.finish(SWEEP_TASK);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not give back the dispatch sweep's turn; it expires after one interval", e);
        }
    }

    private long start(boolean urgent) {
        Properties parameters = new Properties();
        parameters.setProperty("priorities", urgent ? "URGENT" : "URGENT,NORMAL");
        parameters.setProperty("blockSize", String.valueOf(Settings.longValue("distman.dispatch.blockSize", 50)));
        parameters.setProperty("partitions", String.valueOf(Settings.longValue("distman.dispatch.partitions", 4)));
        try {
            JobOperator operator = BatchRuntime.getJobOperator();
            return operator.start(JOB, parameters);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot start " + JOB + (urgent ? " (urgent)" : ""), e);
            ended(urgent);
            return -1;
        }
    }
}
