package io.distman.serial.control;

import io.distman.serial.entity.SerialMailing;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;

/**
 * Resumes mailings whose creation stopped half-way (a server stopped, a chunk failed): any mailing still creating
 * messages that no chunk has advanced for {@link #STALLED_AFTER}. Another server's worker on the same mailing is
 * harmless: the chunks lock the mailing's row and take turns.
 */
@Singleton
public class MailingResume {

    static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    MailingWorker worker;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void resumeStalled() {
        em.createNamedQuery(SerialMailing.STALLED, Long.class).setParameter("before", clock.instant().minus(STALLED_AFTER))
                .setMaxResults(20).getResultStream().forEach(worker::run);
    }
}
