package io.distman.notification.control;

import io.distman.account.boundary.AccountService;
import io.distman.account.entity.AppUser;
import io.distman.account.entity.UserRole;
import io.distman.notification.entity.Backlog;
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
 * Finds accounts whose queue is stuck and tells their admins once per episode, for each {@link Backlog}: mail
 * that has sat in PENDING longer than {@code distman.notify.stuckAfter}, and mail still in TEMPORARY_FAILURE
 * longer than {@code distman.notify.retryingAfter} after its submission, at least
 * {@code distman.notify.retryingAtLeast} of them (a dead relay or a wrong provider key fails every attempt, and
 * the mail would otherwise only ever be "delayed, will retry"). The episode opens (one row per account and
 * backlog) the first time the queue is seen stuck and closes when it is no longer, so a thousand stuck messages
 * give one notification, not a thousand.
 */
@Stateless
public class StuckQueueCheck {

    private static final Logger LOG = Logger.getLogger(StuckQueueCheck.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    AccountService accounts;

    /** @return how many notifications were created (one per admin of each account and backlog whose episode opened) */
    public int check(Instant now) {
        return check(Backlog.PENDING, now) + check(Backlog.RETRYING, now);
    }

    private int check(Backlog backlog, Instant now) {
        Map<Long, Object[]> stuck = new HashMap<>();
        for (Object[] row : stuckAccounts(backlog, now)) {
            stuck.put(((Number) row[0]).longValue(), row);
        }
        Map<Long, QueueStuck> open = new HashMap<>();
        for (QueueStuck episode : em.createNamedQuery(QueueStuck.OF_BACKLOG, QueueStuck.class)
                .setParameter("backlog", backlog.name()).getResultList()) {
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
                created += open(accountId, backlog, ((Number) row[1]).longValue(), instant(row[2]), now);
            }
        }
        return created;
    }

    private List<Object[]> stuckAccounts(Backlog backlog, Instant now) {
        return backlog == Backlog.PENDING
                ? em.createNamedQuery(QueueStuck.STUCK_ACCOUNTS, Object[].class)
                        .setParameter("cutoff", now.minus(NotifySettings.stuckAfter())).getResultList()
                : em.createNamedQuery(QueueStuck.RETRYING_ACCOUNTS, Object[].class)
                        .setParameter("cutoff", now.minus(NotifySettings.retryingAfter()))
                        .setParameter("atLeast", NotifySettings.retryingAtLeast()).getResultList();
    }

    /** MIN over a converted attribute may come back as the column's JDBC type rather than an Instant. */
    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
    }

    private int open(long accountId, Backlog backlog, long count, Instant oldest, Instant now) {
        // Persisted and flushed first: a second server checking at the same moment fails on the key and
        // rolls back its notifications, so the admins are still told once.
        em.persist(new QueueStuck(accountId, backlog, now, oldest));
        em.flush();
        List<AppUser> admins = accounts.usersWithRole(accountId, UserRole.ADMIN);
        String title;
        String detail;
        if (backlog == Backlog.PENDING) {
            title = NotificationTexts.stuckTitle(count, minutes(NotifySettings.stuckAfter()));
            detail = "The oldest has waited since " + oldest + ". Check the relay or provider settings of the account.";
        } else {
            title = NotificationTexts.retryingTitle(count, minutes(NotifySettings.retryingAfter()));
            detail = "The oldest was submitted at " + oldest + ". Last failure: " + lastRetryReason(accountId)
                    + " Check the relay or provider settings of the account (address, port, password or API key).";
        }
        for (AppUser admin : admins) {
            em.persist(new Notification(accountId, admin.getUsername(), NotificationKind.QUEUE_STUCK, null, null, title,
                    detail, now, true, EmailState.NONE, Notification.stuckKey(accountId, backlog, now, admin.getUsername())));
        }
        LOG.warning(() -> "Queue of account " + accountId + " stuck (" + backlog + "): " + count + " emails; told "
                + admins.size() + " admin(s)");
        return admins.size();
    }

    private String lastRetryReason(long accountId) {
        List<String> reasons = em.createNamedQuery(QueueStuck.LAST_RETRY_REASON, String.class)
                .setParameter("account", accountId).setMaxResults(1).getResultList();
        return reasons.isEmpty() || reasons.get(0) == null ? "(none recorded)" : reasons.get(0);
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " minutes";
    }
}
