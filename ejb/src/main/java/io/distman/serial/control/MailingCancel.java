package io.distman.serial.control;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.DeliveryStateException;
import io.distman.serial.entity.MailingStatus;
import io.distman.serial.entity.SerialMailing;
import io.distman.submission.boundary.DeliveryActions;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * Cancels what of a mailing has not gone, in steps of their own: first the mailing (no chunk makes messages after
 * that: they lock the same row), then its queued deliveries {@value #STEP} at a time through the one cancel action,
 * which leaves alone any a dispatcher is sending right now.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailingCancel {

    static final int STEP = 200;
    private static final List<DeliveryStatus> UNSENT = List.of(DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED,
            DeliveryStatus.TEMPORARY_FAILURE);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryActions actions;

    @Inject
    Clock clock;

    /** @return whether the mailing was still making messages or waiting (false: already cancelled) */
    public boolean stop(SerialMailing owned) {
        SerialMailing mailing = em.find(SerialMailing.class, owned.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (mailing.getStatus() == MailingStatus.CANCELLED) {
            return false;
        }
        mailing.cancelled(clock.instant());
        return true;
    }

    /** @return the id of the last delivery looked at, or -1 when none was left after {@code afterDeliveryId} */
    public long cancelSome(long accountId, long mailingId, long afterDeliveryId, String user) {
        List<Long> ids = em.createNamedQuery(SerialMailing.UNSENT_DELIVERIES, Long.class)
                .setParameter("mailingId", mailingId).setParameter("accountId", accountId)
                .setParameter("statuses", UNSENT).setParameter("after", afterDeliveryId).setMaxResults(STEP).getResultList();
        for (Long id : ids) {
            Delivery delivery = actions.locked(accountId, id);
            if (DeliveryActions.cancellable(delivery, clock.instant())) {
                try {
                    actions.cancel(accountId, id, user);
                } catch (DeliveryStateException e) { // claimed in between: it is being sent, let it go
                    continue;
                }
            }
        }
        return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
    }
}
