package io.distman.feedback.batch;

import io.distman.feedback.boundary.MailboxJobs;
import io.distman.feedback.control.MailboxSettings;
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
 * Polls the bounce mailbox every {@code distman.bounce.mailbox.interval} (default one minute) while
 * {@code distman.bounce.mailbox.url} is set; the URL is read at each tick, so setting it needs no
 * redeploy. Not persistent: a poll missed while the server was down is simply the next one. Every
 * server ticks, one polls: the one that takes the poll's turn in the shared database
 * ({@link ScheduleLeases}), at most once per interval and never two at a time (the turn is held until
 * the poll ends, or {@code distman.bounce.mailbox.lease}, default 15 minutes, if its server dies).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxSchedule {

    private static final Logger LOG = Logger.getLogger(MailboxSchedule.class.getName());

    @Resource
    TimerService timers;

    /** The poll's row in {@code scheduled_task}. */
    static final String TASK = "bounce-mailbox poll";

    @EJB
    MailboxJobs jobs;

    @EJB
    ScheduleLeases leases;

    private Duration interval;

    @PostConstruct
    void schedule() {
        interval = Settings.duration("distman.bounce.mailbox.interval", Duration.ofMinutes(1));
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig(TASK, false));
        LOG.info(() -> "Bounce mailbox poll every " + interval + " when " + MailboxSettings.URL + " is set");
    }

    @Timeout
    void poll() {
        try {
            Duration lease = Settings.duration("distman.bounce.mailbox.lease", Duration.ofMinutes(15));
            leases.once(TASK, lease, ScheduleLeases.gapFor(interval), jobs::poll);
        } catch (RuntimeException e) {
            // Never out of the timeout: the next tick must poll again whatever failed in this one.
            LOG.log(Level.SEVERE, "The bounce mailbox poll failed; trying again at the next tick", e);
        }
    }
}
