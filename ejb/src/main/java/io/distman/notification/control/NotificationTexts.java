package io.distman.notification.control;

import io.distman.message.entity.DeliveryStatus;

/** The words of notifications, in the app and in mail. */
public final class NotificationTexts {

    private NotificationTexts() {
    }

    public static String title(DeliveryStatus status, String address, String subject) {
        String to = address == null ? "(no address)" : address;
        return switch (status) {
            case FAILED -> "Could not be delivered to " + to + ": " + subject;
            case COMPLAINED -> to + " marked it as spam: " + subject;
            case REJECTED -> "Rejected, not sent to " + to + ": " + subject;
            case UNSUBSCRIBED -> to + " unsubscribed: " + subject;
            default -> status.label() + ", " + to + ": " + subject;
        };
    }

    public static String stuckTitle(long pending, String minutes) {
        return "The queue is stuck: " + pending + " email" + (pending == 1 ? "" : "s") + " pending for more than " + minutes;
    }

    public static String retryingTitle(long retrying, String minutes) {
        return "Mail is not getting out: " + retrying + " email" + (retrying == 1 ? "" : "s")
                + " still failing and being retried after more than " + minutes;
    }

    public static String viewLink(long deliveryId) {
        return NotifySettings.publicUrl() + "/app/view.xhtml?id=" + deliveryId;
    }
}
