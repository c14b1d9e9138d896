package io.distman.dispatch.batch;

import io.distman.dispatch.boundary.DispatchJobs;
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
import java.util.logging.Logger;

/**
 * Sweeps the queue every {@code distman.dispatch.interval} (default 10 minutes): everything the
 * urgent nudges did not send, scheduled mail that has come due, and retries. The timer is not
 * persistent: each server sweeps on its own and the claim keeps them from sending twice.
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

    @PostConstruct
    void schedule() {
        Duration interval = Settings.duration("distman.dispatch.interval", Duration.ofMinutes(10));
        Duration first = Settings.duration("distman.dispatch.initialDelay", interval);
        timers.createIntervalTimer(first.toMillis(), interval.toMillis(), new TimerConfig("dispatch-pending sweep", false));
        LOG.info(() -> "Dispatch sweep every " + interval + ", first in " + first);
    }

    @Timeout
    void sweep() {
        jobs.sweep();
    }
}
