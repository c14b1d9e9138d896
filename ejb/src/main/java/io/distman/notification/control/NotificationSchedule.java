package io.distman.notification.control;

import io.distman.platform.boundary.ScheduleLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;

/**
 * The two notification timers: the daily summary at {@code distman.notify.dailyAt} (server time) and the
 * stuck-queue check every {@code distman.notify.stuckCheckInterval}. Not persistent, like the dispatch
 * sweep: each server has its own timers, and the one that takes the job's turn in the shared database
 * ({@link ScheduleLeases}) runs it: the summary once a day (the turn needs 12 hours since the last one
 * began), the check once per interval. The episode key and the summary's idempotency key stay as a second
 * guard against telling anyone twice.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationSchedule {

    private static final Logger LOG = Logger.getLogger(NotificationSchedule.class.getName());
    private static final String DAILY = "notification daily summary";
    private static final String STUCK = "stuck-queue check";

    @Resource
    TimerService timers;

    @EJB
    DailySummary summary;

    @EJB
    StuckQueueCheck stuckQueue;

    @EJB
    ScheduleLeases leases;

    private Duration every;

    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        LocalTime at = NotifySettings.dailyAt();
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0),
                new TimerConfig(DAILY, false));
        every = NotifySettings.stuckCheckInterval();
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig(STUCK, false));
        LOG.info(() -> "Notification summary daily at " + at + ", stuck-queue check every " + every);
    }

    @Timeout
    void run(Timer timer) {
        try {
            if (DAILY.equals(timer.getInfo())) {
                leases.once(DAILY, Duration.ofHours(1), Duration.ofHours(12), () -> summary.send(clock.instant()));
            } else {
                leases.once(STUCK, every, ScheduleLeases.gapFor(every), () -> stuckQueue.check(clock.instant()));
            }
        } catch (RuntimeException e) {
            // Logged, not thrown: a thrown exception would make the container retry the timeout at once.
            LOG.log(Level.SEVERE, "Notification timer '" + timer.getInfo() + "' failed", e);
        }
    }
}
