package io.distman.notification.entity;

import io.distman.account.entity.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A user's notification choice, or the account's defaults (username {@link #ACCOUNT_DEFAULT}), which its
 * admins set and which apply to every user who has not chosen.
 */
@Entity
@Table(name = "notification_preference")
// The same key as the user's (account, username): AppUser.Key's fields match, so it is reused.
@IdClass(AppUser.Key.class)
public class NotificationPreference {

    /** The username under which an account's defaults are kept; no login name can be "*". */
    public static final String ACCOUNT_DEFAULT = "*";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(length = 100)
    private String username;

    @Column(nullable = false, length = 100)
    private String statuses;

    @Column(name = "in_app", nullable = false)
    private boolean inApp;

    @Column(name = "by_email", nullable = false)
    private boolean byEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_timing", nullable = false, length = 10)
    private EmailTiming emailTiming;

    protected NotificationPreference() {
    }

    public NotificationPreference(long accountId, String username, NotificationSettings settings) {
        this.accountId = accountId;
        this.username = username;
        set(settings);
    }

    public void set(NotificationSettings settings) {
        this.statuses = settings.statusList();
        this.inApp = settings.inApp();
        this.byEmail = settings.byEmail();
        this.emailTiming = settings.emailTiming();
    }

    public NotificationSettings settings() {
        return NotificationSettings.of(statuses, inApp, byEmail, emailTiming);
    }
}
