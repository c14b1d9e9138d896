package io.distman.dispatch.batch;

import io.distman.dispatch.boundary.DispatchJobs;
import io.distman.platform.boundary.ScheduleLeases;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sweeps the queue every {@code distman.dispatch.interval} (default 10 minutes): everything the
 * urgent nudges did not send, scheduled mail that has come due, and retries. The timer is not
 * persistent and every server has one, but a sweep starts once per interval per installation: the
 * server that takes the turn in the shared database ({@link ScheduleLeases}) sweeps, the others skip
 * the tick. The turn's lease is one interval, so a sweep that outlasts it (a backlog) lets the next
 * server's tick start a sweep of its own: a backlog is drained by every server, the claims keeping
 * them from sending anything twice. The sweep gives its turn back when it ends ({@link DispatchJobs}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DispatchSchedule {

    private static final Logger LOG = Logger.getLogger(DispatchSchedule.class.getName());

    @Resource
    TimerService timers;

    @EJB
    DispatchJobs jobs;

    @EJB
    ScheduleLeases leases;

    private Duration interval;

    @PostConstruct
    void schedule() {
        interval = Settings.duration("distman.dispatch.interval", Duration.ofMinutes(10));
        Duration first = Settings.duration("distman.dispatch.initialDelay", interval);
        timers.createIntervalTimer(first.toMillis(), interval.toMillis(), new TimerConfig("dispatch-pending sweep", false));
        LOG.info(() -> "Dispatch sweep every " + interval + ", first in " + first);
    }

    @Timeout
    void sweep() {
        if (jobs.sweeping()) {
            return; // this server's sweep is still going: it needs no turn to go on
        }
        try {
            if (leases.tryRun(DispatchJobs.SWEEP_TASK, interval, ScheduleLeases.gapFor(interval)) && jobs.sweep() < 0) {
                leases.finish(DispatchJobs.SWEEP_TASK); // started by hand meanwhile: that sweep gives the turn back
            }
        } catch (RuntimeException e) {
            // Never out of the timeout (the container would retry it at once): the next tick tries again.
            LOG.log(Level.SEVERE, "The dispatch sweep could not start; trying again at the next tick", e);
        }
    }
}
