package io.distman.feedback.boundary;

import io.distman.bounce.boundary.Bounces;
import io.distman.feedback.control.BounceIngest;
import io.distman.feedback.control.InboundMails;
import io.distman.feedback.entity.BounceOutcome;
import io.distman.feedback.entity.InboundMail;
import io.distman.platform.boundary.Hashes;
import io.distman.tracking.boundary.UnsubscribeRequests;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Receives one message sent to the bounce domain, from the MTA's pipe or the bounce mailbox, and
 * records what it says: a returned message (bounce, complaint, auto-reply) is classified and matched;
 * a mail to a List-Unsubscribe mailto address unsubscribes like the one-click link. Either way the
 * message is kept once.
 *
 * <p>Classifying (parsing MIME, matching hundreds of patterns) happens here, outside any transaction,
 * so no database connection is held while it runs; only then does {@link BounceIngest} record in a
 * short transaction of its own.
 */
@Stateless
@PermitAll // the bounce pipe is authenticated by its secret before this is called; the mail itself says whose it is
public class BounceIngestion {

    @EJB
    BounceIngest ingest;

    @Inject
    InboundMails inbound;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BounceOutcome receive(byte[] rawMime) {
        String sha256 = Hashes.sha256Hex(rawMime);
        // A message handed in again (the MTA retried, the mailbox was read twice) costs one look-up, not a
        // classification.
        Optional<BounceOutcome> seen = inbound.duplicate(sha256);
        if (seen.isPresent()) {
            return seen.get();
        }
        String token = UnsubscribeRequests.token(rawMime);
        return token.isEmpty() ? ingest.record(rawMime, sha256, Bounces.classify(rawMime))
                : ingest.unsubscribe(rawMime, sha256, token);
    }

    /**
     * Keeps a message whose {@link #receive} failed, with the error, so whoever handed it in can let go
     * of it: it is not lost, and handing it in again finds it and changes nothing.
     */
    public BounceOutcome keepUnreadable(byte[] rawMime, String error) {
        String sha256 = Hashes.sha256Hex(rawMime);
        Optional<BounceOutcome> seen = inbound.duplicate(sha256);
        if (seen.isPresent()) {
            return seen.get();
        }
        inbound.keep(new InboundMail(sha256, clock.instant(), InboundMail.UNREADABLE, 0, rawMime, error));
        return new BounceOutcome(InboundMail.UNREADABLE, 0, 0, false);
    }
}
