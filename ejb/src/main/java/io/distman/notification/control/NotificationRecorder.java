package io.distman.notification.control;

import io.distman.account.entity.AppUser;
import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.message.entity.Message;
import io.distman.notification.entity.EmailState;
import io.distman.notification.entity.Notification;
import io.distman.notification.entity.NotificationKind;
import io.distman.notification.entity.NotificationSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns a delivery's new status into a notification for the user who raised it, in a transaction of its
 * own: the status change has already committed and must stay committed whatever happens here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class NotificationRecorder {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    NotificationPreferences preferences;

    @Inject
    Clock clock;

    /** A notification just stored, and whether it is to be mailed now. */
    public record Created(long id, EmailState emailState) {
    }

    /**
     * @return the new notification, empty when the status is not one to tell about, the raised-by is not a
     *         user of the account (a module name, the notifications' own system user), the user does not
     *         want it, or it was already told (a webhook delivered twice)
     */
    public Optional<Created> record(DeliveryStatusChanged change) {
        if (!NotificationSettings.NOTIFIABLE.contains(change.current()) || change.raisedBy() == null
                || NotifySettings.SYSTEM_USER.equals(change.raisedBy())) {
            return Optional.empty();
        }
        AppUser user = em.find(AppUser.class, new AppUser.Key(change.accountId(), change.raisedBy()));
        if (user == null) {
            return Optional.empty();
        }
        NotificationSettings settings = preferences.resolve(change.accountId(), user.getUsername());
        if (!settings.wants(change.current())) {
            return Optional.empty();
        }
        String key = Notification.deliveryKey(change.deliveryId(), change.current(), user.getUsername());
        // The unique key is the guarantee; this look-up only spares the usual repeat a failed insert.
        if (em.createNamedQuery(Notification.BY_KEY, Long.class).setParameter("key", key).getSingleResult() > 0) {
            return Optional.empty();
        }
        Message message = em.find(Message.class, change.messageId());
        String subject = message == null ? "(no subject)" : message.getSubject();
        Notification notification = new Notification(change.accountId(), user.getUsername(), NotificationKind.DELIVERY,
                change.deliveryId(), change.current(), NotificationTexts.title(change.current(), change.address(), subject),
                change.detail(), clock.instant(), settings.inApp(), settings.emailState(), key);
        em.persist(notification);
        em.flush();
        return Optional.of(new Created(notification.getId(), notification.getEmailState()));
    }
}
