package io.distman.notification.control;

import io.distman.account.entity.Account;
import io.distman.account.entity.AppUser;
import io.distman.message.entity.Category;
import io.distman.message.entity.Priority;
import io.distman.notification.entity.EmailState;
import io.distman.notification.entity.Notification;
import io.distman.notification.entity.NotificationKind;
import io.distman.submission.boundary.ApplicationMail;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Mails notifications to their users through the Distribution Manager itself, as TRANSACTIONAL mail raised
 * by {@link NotifySettings#SYSTEM_USER}: archived, audited and retried like any other mail. Each call is a
 * transaction of its own, so the notification is marked mailed exactly when the mail is queued.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    ApplicationMail distribution;

    /** Mails one notification now (its user chose "immediately"). @return the message id, or null */
    public Long mailNow(long notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        if (n == null || n.getEmailState() != EmailState.IMMEDIATE) {
            return null;
        }
        String text = n.getTitle() + "\n\n" + (n.getDetail() == null ? "" : n.getDetail() + "\n\n") + link(n) + footer();
        return send(n.getAccountId(), n.getUsername(), "Distribution Manager: " + n.getTitle(), text,
                "notification:" + n.getId(), List.of(n));
    }

    /**
     * Mails one user everything that waits for their daily summary, created before {@code before}, in one mail.
     * @return the message id, or null when nothing waited
     */
    public Long mailSummary(long accountId, String username, Instant before) {
        List<Notification> due = em.createNamedQuery(Notification.EMAIL_DUE_OF_USER, Notification.class)
                .setParameter("state", EmailState.DAILY).setParameter("before", before)
                .setParameter("accountId", accountId).setParameter("username", username).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("Your notifications since the last summary (" + due.size() + "):\n\n");
        for (Notification n : due) {
            text.append("- ").append(n.getTitle()).append('\n');
            if (n.getDetail() != null) {
                text.append("  ").append(n.getDetail()).append('\n');
            }
            text.append("  ").append(link(n)).append("\n\n");
        }
        long last = due.get(due.size() - 1).getId();
        return send(accountId, username, "Distribution Manager: daily summary, " + due.size() + " notification"
                + (due.size() == 1 ? "" : "s"), text + footer(), "notification-summary:" + username + ":" + last, due);
    }

    private Long send(long accountId, String username, String subject, String text, String idempotencyKey,
                      List<Notification> notifications) {
        AppUser user = em.find(AppUser.class, new AppUser.Key(accountId, username));
        Account account = em.find(Account.class, accountId);
        if (user == null || account == null || user.getEmail() == null || user.getEmail().isBlank()) {
            // Nowhere to send it: the notification stays in the app, and is not tried again.
            LOG.info(() -> "No email address for " + username + " in account " + accountId + "; notification not mailed");
            notifications.forEach(Notification::emailed);
            return null;
        }
        SubmitReceipt receipt = distribution.submit(accountId, SubmitRequest.builder()
                .account(account.getCode()).raisedBy(NotifySettings.SYSTEM_USER)
                .source("notification", String.valueOf(notifications.get(0).getId()))
                .category(Category.TRANSACTIONAL).priority(Priority.URGENT)
                .sender(NotifySettings.sender(), "Distribution Manager")
                .to(user.getEmail()).subject(subject).text(text).idempotencyKey(idempotencyKey).build());
        notifications.forEach(Notification::emailed);
        return receipt.messageId();
    }

    private static String link(Notification n) {
        return n.getKind() == NotificationKind.DELIVERY && n.getDeliveryId() != null
                ? "View: " + NotificationTexts.viewLink(n.getDeliveryId())
                : "Queue: " + NotifySettings.publicUrl() + "/app/notifications.xhtml";
    }

    private static String footer() {
        return "\n-- \nChoose what you are told, and how: " + NotifySettings.publicUrl() + "/app/preferences.xhtml\n";
    }
}
