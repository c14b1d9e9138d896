package io.distman.notification.control;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.UserRole;
import io.distman.notification.entity.EmailState;
import io.distman.notification.entity.Notification;
import io.distman.notification.entity.NotificationKind;
import io.distman.notification.entity.QueueStuck;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Finds accounts whose mail has sat in PENDING longer than {@code distman.notify.stuckAfter} and tells
 * their admins once per episode: the episode opens (one row per account) the first time the queue is seen
 * stuck and closes when it is no longer, so a thousand stuck messages give one notification, not a thousand.
 */
@Stateless
public class StuckQueueCheck {

    private static final Logger LOG = Logger.getLogger(StuckQueueCheck.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    AccountService accounts;

    /** @return how many notifications were created (one per admin of each account whose episode opened) */
    public int check(Instant now) {
        Duration after = NotifySettings.stuckAfter();
        Map<Long, Object[]> stuck = new HashMap<>();
        for (Object[] row : em.createNamedQuery(QueueStuck.STUCK_ACCOUNTS, Object[].class)
                .setParameter("cutoff", now.minus(after)).getResultList()) {
            stuck.put(((Number) row[0]).longValue(), row);
        }
        Map<Long, QueueStuck> open = new HashMap<>();
        for (QueueStuck episode : em.createNamedQuery(QueueStuck.ALL, QueueStuck.class).getResultList()) {
            if (stuck.containsKey(episode.getAccountId())) {
                open.put(episode.getAccountId(), episode);
            } else {
                em.remove(episode); // the queue moves again: the next stuck spell is a new episode
            }
        }
        int created = 0;
        for (Object[] row : stuck.values()) {
            long accountId = ((Number) row[0]).longValue();
            if (!open.containsKey(accountId)) {
                created += open(accountId, ((Number) row[1]).longValue(), instant(row[2]), now, after);
            }
        }
        return created;
    }

    /** MIN over a converted attribute may come back as the column's JDBC type rather than an Instant. */
    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
    }

    private int open(long accountId, long pending, Instant oldest, Instant now, Duration after) {
        // Persisted and flushed first: a second server checking at the same moment fails on the key and
        // rolls back its notifications, so the admins are still told once.
        em.persist(new QueueStuck(accountId, now, oldest));
        em.flush();
        List<AppUser> admins = accounts.usersWithRole(accountId, UserRole.ADMIN);
        String title = NotificationTexts.stuckTitle(pending, after.toMinutes() + " minutes");
        String detail = "The oldest has waited since " + oldest + ". Check the relay or provider settings of the account.";
        for (AppUser admin : admins) {
            em.persist(new Notification(accountId, admin.getUsername(), NotificationKind.QUEUE_STUCK, null, null, title,
                    detail, now, true, EmailState.NONE, Notification.stuckKey(accountId, now, admin.getUsername())));
        }
        LOG.warning(() -> "Queue of account " + accountId + " stuck: " + pending + " pending longer than " + after
                + "; told " + admins.size() + " admin(s)");
        return admins.size();
    }
}
