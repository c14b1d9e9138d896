package io.distman.notification.boundary;

import io.distman.message.entity.DeliveryStatus;
import io.distman.notification.entity.EmailTiming;
import io.distman.notification.entity.NotificationSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The fields of a notification-settings form, shared by the user's preferences and the account's defaults. */
public class SettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final List<String> STATUSES = List.of("FAILED", "COMPLAINED", "REJECTED", "UNSUBSCRIBED");

    private List<String> statuses = new ArrayList<>();
    private boolean inApp;
    private boolean byEmail;
    private String timing = EmailTiming.IMMEDIATE.name();

    public static SettingsForm of(NotificationSettings settings) {
        SettingsForm form = new SettingsForm();
        form.statuses = new ArrayList<>(STATUSES.stream()
                .filter(s -> settings.statuses().contains(DeliveryStatus.valueOf(s))).toList());
        form.inApp = settings.inApp();
        form.byEmail = settings.byEmail();
        form.timing = settings.emailTiming().name();
        return form;
    }

    public NotificationSettings settings() {
        return new NotificationSettings(statuses.stream().map(DeliveryStatus::valueOf)
                .collect(java.util.stream.Collectors.toSet()), inApp, byEmail, EmailTiming.valueOf(timing), null);
    }

    public List<String> getStatuses() { return statuses; }
    public void setStatuses(List<String> statuses) { this.statuses = statuses == null ? new ArrayList<>() : statuses; }
    public boolean isInApp() { return inApp; }
    public void setInApp(boolean inApp) { this.inApp = inApp; }
    public boolean isByEmail() { return byEmail; }
    public void setByEmail(boolean byEmail) { this.byEmail = byEmail; }
    public String getTiming() { return timing; }
    public void setTiming(String timing) { this.timing = timing; }
    public List<String> getAllStatuses() { return STATUSES; }
}
