package io.distman.feedback.boundary;

import io.distman.feedback.control.BounceIngest;
import io.distman.feedback.control.InboundMails;
import io.distman.tracking.boundary.UnsubscribeRequests;
import io.distman.feedback.entity.BounceOutcome;
import io.distman.feedback.entity.InboundMail;
import io.distman.platform.boundary.Hashes;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Receives one message sent to the bounce domain, from the MTA's pipe or the bounce mailbox, and
 * records what it says, in one transaction: a returned message (bounce, complaint, auto-reply) is
 * classified and matched; a mail to a List-Unsubscribe mailto address unsubscribes like the one-click
 * link. Either way the message is kept once.
 */
@Stateless
public class BounceIngestion {

    private static final Logger LOG = Logger.getLogger(BounceIngestion.class.getName());

    @Inject
    BounceIngest ingest;

    @Inject
    InboundMails inbound;

    @EJB
    Unsubscribes unsubscribes;

    @Inject
    Clock clock;

    public BounceOutcome receive(byte[] rawMime) {
        String token = UnsubscribeRequests.token(rawMime);
        return token.isEmpty() ? ingest.ingest(rawMime) : unsubscribe(rawMime, token);
    }

    /**
     * Keeps a message whose {@link #receive} failed, with the error, so whoever handed it in can let go
     * of it: it is not lost, and handing it in again finds it and changes nothing.
     */
    public BounceOutcome keepUnreadable(byte[] rawMime, String error) {
        String sha256 = Hashes.sha256Hex(rawMime);
        Optional<InboundMail> seen = inbound.byHash(sha256);
        if (seen.isPresent()) {
            return seen.get().asDuplicate();
        }
        inbound.keep(new InboundMail(sha256, clock.instant(), InboundMail.UNREADABLE, 0, rawMime, error));
        return new BounceOutcome(InboundMail.UNREADABLE, 0, 0, false);
    }

    private BounceOutcome unsubscribe(byte[] rawMime, String token) {
        String sha256 = Hashes.sha256Hex(rawMime);
        Optional<InboundMail> seen = inbound.byHash(sha256);
        if (seen.isPresent()) {
            return seen.get().asDuplicate();
        }
        InboundMail mail = inbound.keep(new InboundMail(sha256, clock.instant(), InboundMail.UNSUBSCRIBE, 1, rawMime, null));
        boolean done = unsubscribes.unsubscribe(token, "unsubscribed by mail to the List-Unsubscribe address");
        if (done) {
            mail.matched(1);
        } else {
            LOG.warning(() -> "Mail to unsubscribe+" + token + "@ carries no token of ours; kept as inbound_mail "
                    + mail.getId() + " and ignored");
        }
        return new BounceOutcome(InboundMail.UNSUBSCRIBE, 1, done ? 1 : 0, false);
    }
}
