package io.distman.feedback.boundary;

import io.distman.feedback.control.InboundLimits;
import io.distman.feedback.entity.BounceOutcome;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one message from the bounce mailbox: records it in a transaction of its own, and if that
 * fails, keeps it as unreadable in another, so a message no code can record neither blocks the
 * mailbox nor is lost. Only when even keeping it fails (the database, not the message, is the
 * problem) does the failure reach the caller, which then leaves the message where it is. Recording one
 * message is bounded in time ({@link InboundLimits#recordTimeout()}); a message over the size cap is kept
 * unread with its reason.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // the mailbox job runs without a caller identity
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

    @EJB
    BounceIngestion ingestion;

    @Resource
    ManagedExecutorService executor;

    /**
     * @param refusal why the mailbox did not read the message (over the size cap; {@code rawMime} is then its
     *                header only), or null
     * @return what became of it, once committed: the message may now leave the mailbox
     */
    public BounceOutcome take(byte[] rawMime, String refusal) {
        if (refusal != null) {
            LOG.warning(() -> "A message in the bounce mailbox was not read: " + refusal);
            return ingestion.keepUnreadable(rawMime, refusal);
        }
        // On a thread of its own with a deadline: a message that takes too long (or hangs) is kept as
        // unreadable and the run moves on, instead of holding the mailbox job for ever.
        Duration timeout = InboundLimits.recordTimeout();
        Future<BounceOutcome> recording = executor.submit(() -> ingestion.receive(rawMime));
        try {
            return recording.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            recording.cancel(true);
            LOG.warning(() -> "A message from the bounce mailbox took over " + timeout + " to record; keeping it as unreadable");
            return ingestion.keepUnreadable(rawMime, "not recorded within " + timeout + " (" + InboundLimits.RECORD_TIMEOUT + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recording.cancel(true);
            throw new EJBException("interrupted while recording a message from the bounce mailbox", e);
        } catch (ExecutionException e) {
            Throwable cause = rootCause(e);
            LOG.log(Level.WARNING, "A message from the bounce mailbox could not be recorded; keeping it as unreadable", e.getCause());
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
