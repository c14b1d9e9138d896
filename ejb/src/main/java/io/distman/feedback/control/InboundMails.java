package io.distman.feedback.control;

import io.distman.feedback.entity.BounceOutcome;
import io.distman.feedback.entity.InboundMail;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The store of inbound mail, one row per content (SHA-256): a message handed in twice (piped again by
 * the MTA, or fetched again from the mailbox after a crash between commit and delete) is found here
 * and changes nothing the second time.
 */
@Dependent
public class InboundMails {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /** What became of this content when it was first handed in, if it was: the answer to a repeat. */
    public Optional<BounceOutcome> duplicate(String sha256) {
        return em.createNamedQuery(InboundMail.BY_HASH, InboundMail.class).setParameter("sha256", sha256)
                .getResultStream().findFirst().map(InboundMail::asDuplicate);
    }

    public InboundMail keep(InboundMail mail) {
        em.persist(mail);
        return mail;
    }
}
