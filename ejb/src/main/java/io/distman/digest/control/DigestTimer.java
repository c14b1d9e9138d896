package io.distman.digest.control;

import io.distman.digest.boundary.DigestJob;

import io.distman.platform.boundary.ScheduleLeases;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Looks for due digests every {@code distman.digest.interval} (default 5 minutes, so a digest goes within minutes of
 * the recipient's time). Not persistent, like the other timers: each server ticks, and the one that takes the job's
 * turn in the shared database ({@link ScheduleLeases}) runs it; the preference row's lock in the mailer is the second
 * guard against a digest mailed twice.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestTimer {

    private static final Logger LOG = Logger.getLogger(DigestTimer.class.getName());
    static final String NAME = "recipient digest";

    @Resource
    TimerService timers;

    @EJB
    ScheduleLeases leases;

    @EJB
    DigestJob job;

    @Inject
    Clock clock;

    private Duration every;

    @PostConstruct
    void schedule() {
        every = Settings.duration("distman.digest.interval", Duration.ofMinutes(5));
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig(NAME, false));
    }

    @Timeout
    void run(Timer timer) {
        try {
            leases.once(NAME, every.multipliedBy(2), ScheduleLeases.gapFor(every), () -> job.run(clock.instant()));
        } catch (RuntimeException e) {
            // Logged, not thrown: a thrown exception would make the container retry the timeout at once.
            LOG.log(Level.SEVERE, "Digest timer failed", e);
        }
    }
}
