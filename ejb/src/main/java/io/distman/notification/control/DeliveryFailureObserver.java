package io.distman.notification.control;

import io.distman.message.boundary.DeliveryStatusChanged;
import io.distman.notification.entity.EmailState;
import io.distman.notification.entity.NotificationSettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens to the one status method's announcement (fired after its transaction committed) and notifies
 * the user who raised the mail. Each step runs in a transaction of its own and every failure is caught
 * here: feedback processing has already committed and must never be undone or slowed by a notification.
 */
@ApplicationScoped
public class DeliveryFailureObserver {

    private static final Logger LOG = Logger.getLogger(DeliveryFailureObserver.class.getName());

    @EJB
    NotificationRecorder recorder;

    @EJB
    NotificationMailer mailer;

    void onStatusChanged(@Observes DeliveryStatusChanged change) {
        if (!NotificationSettings.NOTIFIABLE.contains(change.current())) {
            return; // the common case (accepted, delivered, opened): no database work at all
        }
        try {
            recorder.record(change).filter(created -> created.emailState() == EmailState.IMMEDIATE)
                    .ifPresent(created -> mailer.mailNow(created.id()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not notify " + change.raisedBy() + " of delivery " + change.deliveryId()
                    + " becoming " + change.current() + "; the status change itself is recorded", e);
        }
    }
}
