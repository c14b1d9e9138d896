package io.distman.notification.control;

import io.distman.identity.boundary.SenderCheck;
import io.distman.platform.boundary.Settings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** The installation's notification settings (JVM system properties, like every other setting). */
public final class NotifySettings {

    /** The raised-by of notification mail: no person, so a failed notification mail notifies nobody. */
    public static final String SYSTEM_USER = "distman-notifications";

    private NotifySettings() {
    }

    /** Local time of the daily summary, {@code distman.notify.dailyAt}, default 07:00. */
    public static LocalTime dailyAt() {
        String value = Settings.string("distman.notify.dailyAt", "07:00");
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Setting distman.notify.dailyAt must be a time such as 07:00, not '" + value + "'", e);
        }
    }

    /** How long mail may sit in PENDING before the queue counts as stuck, default 30 minutes. */
    public static Duration stuckAfter() {
        return Settings.duration("distman.notify.stuckAfter", Duration.ofMinutes(30));
    }

    /**
     * How long mail may keep failing temporarily (counted from its submission) before it counts toward a
     * "not getting out" notice, {@code distman.notify.retryingAfter}; default the same as {@link #stuckAfter()}.
     */
    public static Duration retryingAfter() {
        return Settings.duration("distman.notify.retryingAfter", stuckAfter());
    }

    /**
     * How many such emails an account must have for the notice, {@code distman.notify.retryingAtLeast}, default 5:
     * one mailbox that is full or greylists is no news, every mail failing is.
     */
    public static long retryingAtLeast() {
        return Math.max(1, Settings.longValue("distman.notify.retryingAtLeast", 5));
    }

    /** How often the queue is checked for being stuck, default 5 minutes. */
    public static Duration stuckCheckInterval() {
        return Settings.duration("distman.notify.stuckCheckInterval", Duration.ofMinutes(5));
    }

    /** The sender of notification mail: the installation's own, which every account may send From. */
    public static String sender() {
        return SenderCheck.installationSender();
    }

    /** Base of the links in notification mail (the same as the other links put into mail). */
    public static String publicUrl() {
        String url = Settings.string("distman.public.url", "http://localhost:8080/distman");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
