package io.distman.serial.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates a mailing's messages chunk after chunk, on a thread of its own, outside any transaction (each chunk has
 * its own). Started once the mailing is committed; {@link MailingResume} restarts one a stopped server left half-way.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailingWorker {

    private static final Logger LOG = Logger.getLogger(MailingWorker.class.getName());

    @EJB
    MailingChunk chunk;

    @Asynchronous
    public void run(long mailingId) {
        try {
            boolean more;
            do {
                more = chunk.next(mailingId);
            } while (more);
        } catch (RuntimeException e) { // the chunk rolled back; the resume timer tries again from the cursor
            LOG.log(Level.WARNING, "Serial mailing " + mailingId + " stopped; it resumes from its last chunk", e);
        }
    }
}
