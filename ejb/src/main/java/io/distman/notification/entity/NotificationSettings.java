package io.distman.notification.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which statuses a user is told about, and how: in the app, by email, at once or in a daily summary.
 *
 * @param source where the settings came from: USER, ACCOUNT (the admins' defaults) or BUILT_IN
 */
public record NotificationSettings(Set<DeliveryStatus> statuses, boolean inApp, boolean byEmail,
                                   EmailTiming emailTiming, String source) implements Serializable {

    /** The only statuses anyone can be notified about. */
    public static final Set<DeliveryStatus> NOTIFIABLE = Set.copyOf(EnumSet.of(DeliveryStatus.FAILED,
            DeliveryStatus.COMPLAINED, DeliveryStatus.REJECTED, DeliveryStatus.UNSUBSCRIBED));

    /** Without a choice of the user or the account: all four statuses, in the app, no email. */
    public static final NotificationSettings BUILT_IN = new NotificationSettings(NOTIFIABLE, true, false,
            EmailTiming.IMMEDIATE, "BUILT_IN");

    public NotificationSettings {
        // Only the four notifiable statuses are kept, whatever a caller passes.
        List<DeliveryStatus> kept = statuses == null ? List.of() : statuses.stream().filter(NOTIFIABLE::contains).toList();
        statuses = Set.copyOf(kept);
        emailTiming = emailTiming == null ? EmailTiming.IMMEDIATE : emailTiming;
    }

    public static NotificationSettings of(String statusList, boolean inApp, boolean byEmail, EmailTiming timing) {
        Set<DeliveryStatus> statuses = statusList == null || statusList.isBlank() ? Set.of()
                : Arrays.stream(statusList.split(",")).map(String::strip).map(DeliveryStatus::valueOf)
                        .collect(Collectors.toSet());
        return new NotificationSettings(statuses, inApp, byEmail, timing, null);
    }

    public NotificationSettings from(String from) {
        return new NotificationSettings(statuses, inApp, byEmail, emailTiming, from);
    }

    /** Stored form: the statuses in a fixed order, comma-separated. */
    public String statusList() {
        return statuses.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public boolean wants(DeliveryStatus status) {
        return statuses.contains(status) && (inApp || byEmail);
    }

    /** How a new notification is to be mailed under these settings. */
    public EmailState emailState() {
        return !byEmail ? EmailState.NONE : emailTiming == EmailTiming.DAILY ? EmailState.DAILY : EmailState.IMMEDIATE;
    }
}
