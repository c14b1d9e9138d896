package io.distman.notification.boundary;

import io.distman.account.entity.AppUser;
import io.distman.account.entity.UserRole;
import io.distman.notification.control.DailySummary;
import io.distman.notification.control.NotificationPreferences;
import io.distman.notification.control.StuckQueueCheck;
import io.distman.notification.entity.Notification;
import io.distman.notification.entity.NotificationPreference;
import io.distman.notification.entity.NotificationRefusedException;
import io.distman.notification.entity.NotificationRow;
import io.distman.notification.entity.NotificationSettings;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A user's notifications and preferences, and the account's defaults. Every method takes the account and
 * the user first (the screens pass the signed-in user's) and every query filters by both, so nobody reads
 * or marks another user's, let alone another account's, notifications.
 */
@Stateless
public class Notifications {

    static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    NotificationPreferences preferences;

    @Inject
    Clock clock;

    @EJB
    DailySummary dailySummary;

    @EJB
    StuckQueueCheck stuckQueue;

    public long unreadCount(long accountId, String username) {
        return em.createNamedQuery(Notification.UNREAD_COUNT, Long.class)
                .setParameter("accountId", accountId).setParameter("username", username).getSingleResult();
    }

    /** Newest first. */
    public List<NotificationRow> page(long accountId, String username, int first, int max) {
        return em.createNamedQuery(Notification.LATEST, Notification.class)
                .setParameter("accountId", accountId).setParameter("username", username)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
                .getResultStream().map(NotificationRow::of).toList();
    }

    public long count(long accountId, String username) {
        return em.createNamedQuery(Notification.COUNT, Long.class)
                .setParameter("accountId", accountId).setParameter("username", username).getSingleResult();
    }

    /** @return false when it was read already, or is not this user's */
    public boolean markRead(long accountId, String username, long notificationId) {
        return em.createNamedQuery(Notification.MARK_READ).setParameter("now", clock.instant())
                .setParameter("accountId", accountId).setParameter("username", username)
                .setParameter("id", notificationId).executeUpdate() == 1;
    }

    /** @return how many were unread */
    public int markAllRead(long accountId, String username) {
        return em.createNamedQuery(Notification.MARK_ALL_READ).setParameter("now", clock.instant())
                .setParameter("accountId", accountId).setParameter("username", username).executeUpdate();
    }

    /** What applies to the user now, and where it comes from (USER, ACCOUNT or BUILT_IN). */
    public NotificationSettings preferences(long accountId, String username) {
        return preferences.resolve(accountId, username);
    }

    public void savePreferences(long accountId, String username, NotificationSettings settings) {
        if (NotificationPreference.ACCOUNT_DEFAULT.equals(username)) {
            throw new NotificationRefusedException("not a user");
        }
        preferences.save(accountId, username, settings);
    }

    /** Drops the user's own choice: the account's defaults apply again. */
    public void resetPreferences(long accountId, String username) {
        preferences.reset(accountId, username);
    }

    /** The account's defaults, or the built-in ones when its admins have set none. */
    public NotificationSettings accountDefaults(long accountId) {
        return preferences.accountDefaults(accountId).orElse(NotificationSettings.BUILT_IN);
    }

    /** @throws NotificationRefusedException unless {@code adminUsername} is an admin of the account */
    public void saveAccountDefaults(long accountId, String adminUsername, NotificationSettings settings) {
        AppUser admin = adminUsername == null ? null : em.find(AppUser.class, new AppUser.Key(accountId, adminUsername));
        if (admin == null || admin.getRole() != UserRole.ADMIN) {
            throw new NotificationRefusedException("only an admin of the account may set its notification defaults");
        }
        preferences.save(accountId, NotificationPreference.ACCOUNT_DEFAULT, settings);
    }

    /** Runs the daily summary now (the timer does it at distman.notify.dailyAt). @return mails queued */
    public int sendDailySummaries(Instant before) {
        return dailySummary.send(before);
    }

    /** Runs the stuck-queue check now (the timer does it every distman.notify.stuckCheckInterval). */
    public int checkStuckQueues(Instant now) {
        return stuckQueue.check(now);
    }
}
