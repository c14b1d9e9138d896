package io.distman.feedback.boundary;

import io.distman.feedback.entity.BounceOutcome;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one message from the bounce mailbox: records it in a transaction of its own, and if that
 * fails, keeps it as unreadable in another, so a message no code can record neither blocks the
 * mailbox nor is lost. Only when even keeping it fails (the database, not the message, is the
 * problem) does the failure reach the caller, which then leaves the message where it is.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

    @EJB
    BounceIngestion ingestion;

    /** @return what became of it, once committed: the message may now leave the mailbox */
    public BounceOutcome take(byte[] rawMime) {
        try {
            return ingestion.receive(rawMime);
        } catch (EJBException e) {
            Throwable cause = rootCause(e);
            LOG.log(Level.WARNING, "A message from the bounce mailbox could not be recorded; keeping it as unreadable", e);
            return ingestion.keepUnreadable(rawMime, cause.getClass().getName() + ": " + cause.getMessage());
        }
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
