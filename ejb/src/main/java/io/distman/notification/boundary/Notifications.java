package io.distman.notification.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.Caller;
import io.distman.account.entity.UserRole;
import io.distman.adminlog.boundary.AdminLog;
import io.distman.notification.control.NotificationPreferences;
import io.distman.notification.entity.Notification;
import io.distman.notification.entity.NotificationPreference;
import io.distman.notification.entity.NotificationRefusedException;
import io.distman.notification.entity.NotificationRow;
import io.distman.notification.entity.NotificationSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The signed-in user's notifications and preferences, and the account's defaults. Every method takes the
 * account the screen shows, checks the caller may act for it, and works on the caller's own notifications
 * (the container's principal, never a name a screen passes), so nobody reads or marks another user's, let
 * alone another account's. The timers' daily summary and stuck-queue check are not here: they run without a
 * user (NotificationSchedule calls DailySummary and StuckQueueCheck), and nobody signed in may start them.
 */
@Stateless
@RolesAllowed("agent") // every signed-in user's bell, list and preferences; the account's defaults: admin, below
public class Notifications {

    static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    NotificationPreferences preferences;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    @EJB
    AdminLog adminLog;

    /** The caller's own name, checked to act for the account: whose notifications these are. */
    private String user(long accountId) {
        return callers.forAccount(accountId).principal();
    }

    public long unreadCount(long accountId) {
        return em.createNamedQuery(Notification.UNREAD_COUNT, Long.class)
                .setParameter("accountId", accountId).setParameter("username", user(accountId)).getSingleResult();
    }

    /** Newest first. */
    public List<NotificationRow> page(long accountId, int first, int max) {
        return em.createNamedQuery(Notification.LATEST, Notification.class)
                .setParameter("accountId", accountId).setParameter("username", user(accountId))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
                .getResultStream().map(NotificationRow::of).toList();
    }

    public long count(long accountId) {
        return em.createNamedQuery(Notification.COUNT, Long.class)
                .setParameter("accountId", accountId).setParameter("username", user(accountId)).getSingleResult();
    }

    /** @return false when it was read already, or is not this user's */
    public boolean markRead(long accountId, long notificationId) {
        return em.createNamedQuery(Notification.MARK_READ).setParameter("now", clock.instant())
                .setParameter("accountId", accountId).setParameter("username", user(accountId))
                .setParameter("id", notificationId).executeUpdate() == 1;
    }

    /** @return how many were unread */
    public int markAllRead(long accountId) {
        return em.createNamedQuery(Notification.MARK_ALL_READ).setParameter("now", clock.instant())
                .setParameter("accountId", accountId).setParameter("username", user(accountId)).executeUpdate();
    }

    /** What applies to the user now, and where it comes from (USER, ACCOUNT or BUILT_IN). */
    public NotificationSettings preferences(long accountId) {
        return preferences.resolve(accountId, user(accountId));
    }

    public void savePreferences(long accountId, NotificationSettings settings) {
        String user = user(accountId);
        if (NotificationPreference.ACCOUNT_DEFAULT.equals(user)) {
            throw new NotificationRefusedException("not a user");
        }
        preferences.save(accountId, user, settings);
    }

    /** Drops the user's own choice: the account's defaults apply again. */
    public void resetPreferences(long accountId) {
        preferences.reset(accountId, user(accountId));
    }

    /** The account's defaults, or the built-in ones when its admins have set none. */
    @RolesAllowed("admin") // the admin screen /app/admin/notifications.xhtml; users see what applies to them
    public NotificationSettings accountDefaults(long accountId) {
        callers.forAccount(accountId);
        return preferences.accountDefaults(accountId).orElse(NotificationSettings.BUILT_IN);
    }

    /**
     * Sets the account's defaults and records the change in the admin log, in the same transaction.
     * @throws NotificationRefusedException unless the caller is (still: the role is the sign-in's, the row is
     *         now's) an admin of the account
     */
    @RolesAllowed("admin")
    public void saveAccountDefaults(long accountId, NotificationSettings settings) {
        Caller caller = callers.forAccount(accountId);
        AppUser admin = em.find(AppUser.class, new AppUser.Key(accountId, caller.principal()));
        if (admin == null || admin.getRole() != UserRole.ADMIN) {
            throw new NotificationRefusedException("only an admin of the account may set its notification defaults");
        }
        String before = preferences.accountDefaults(accountId).map(Notifications::described).orElse(null);
        preferences.save(accountId, NotificationPreference.ACCOUNT_DEFAULT, settings);
        adminLog.record(accountId, caller.actor(), "notification.defaults", null, before, described(settings));
    }

    /** The defaults as the admin log shows them: "FAILED, REJECTED; in the app; email daily". */
    static String described(NotificationSettings settings) {
        String statuses = settings.statuses().isEmpty() ? "no statuses" : settings.statusList().replace(",", ", ");
        String email = !settings.byEmail() ? "no email"
                : "email " + settings.emailTiming().name().toLowerCase(Locale.ROOT);
        return statuses + "; " + (settings.inApp() ? "in the app" : "not in the app") + "; " + email;
    }
}
