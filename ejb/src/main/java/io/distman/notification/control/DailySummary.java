package io.distman.notification.control;

import io.distman.notification.entity.EmailState;
import io.distman.notification.entity.Notification;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every user who chose "daily summary" one mail with what waited for it. Each user's mail is its own
 * transaction, so one user's problem (say, an invalid address) does not hold back the others'.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DailySummary {

    private static final Logger LOG = Logger.getLogger(DailySummary.class.getName());

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    NotificationMailer mailer;

    /** @return how many summary mails were queued */
    public int send(Instant before) {
        List<Object[]> users = em.createNamedQuery(Notification.SUMMARY_USERS, Object[].class)
                .setParameter("state", EmailState.DAILY).setParameter("before", before).getResultList();
        int sent = 0;
        for (Object[] user : users) {
            try {
                if (mailer.mailSummary(((Number) user[0]).longValue(), (String) user[1], before) != null) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Daily notification summary for " + user[1] + " failed; it is tried again tomorrow", e);
            }
        }
        return sent;
    }
}
