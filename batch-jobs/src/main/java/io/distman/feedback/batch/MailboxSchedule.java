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
 * ({@link ScheduleLeases}), at most once per interval and never two at a time: the turn is held until
 * the poll's job ends ({@link MailboxJobs#ended()} gives it back), or for {@code distman.bounce.mailbox.lease}
 * (default 15 minutes) if its server dies or a poll runs longer.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailboxSchedule {

    private static final Logger LOG = Logger.getLogger(MailboxSchedule.class.getName());

    @Resource
    TimerService timers;

    @EJB
    MailboxJobs jobs;

    @EJB
    ScheduleLeases leases;

    private Duration interval;

    @PostConstruct
    void schedule() {
        interval = Settings.duration("distman.bounce.mailbox.interval", Duration.ofMinutes(1));
        timers.createIntervalTimer(interval.toMillis(), interval.toMillis(), new TimerConfig("bounce-mailbox poll", false));
        LOG.info(() -> "Bounce mailbox poll every " + interval + " when " + MailboxSettings.URL + " is set");
    }

    @Timeout
    void poll() {
        try {
            if (jobs.polling()) {
                return; // this server's poll is still going: it holds the turn until it ends
            }
            Duration lease = Settings.duration("distman.bounce.mailbox.lease", Duration.ofMinutes(15));
            if (leases.tryRun(MailboxJobs.POLL_TASK, lease, ScheduleLeases.gapFor(interval)) && jobs.poll() < 0) {
                leases.finish(MailboxJobs.POLL_TASK); // no mailbox set, or no run started: nothing holds the turn
            }
        } catch (RuntimeException e) {
            // Never out of the timeout: the next tick must poll again whatever failed in this one.
            LOG.log(Level.SEVERE, "The bounce mailbox poll failed; trying again at the next tick", e);
        }
    }
}
