package io.distman.feedback.control;

import io.distman.bounce.boundary.FailureSeverity.Permanence;
import io.distman.bounce.boundary.FailureSeverity;
import io.distman.bounce.boundary.SmtpStatusExtractor;
import io.distman.bounce.entity.BounceKind;
import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.BounceReport;
import io.distman.feedback.boundary.Unsubscribes;
import io.distman.feedback.entity.BounceOutcome;
import io.distman.feedback.entity.FeedbackEvent;
import io.distman.feedback.entity.FeedbackOutcome;
import io.distman.feedback.entity.InboundMail;
import io.distman.message.entity.DeliveryStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The bounce intake's short transaction: keeps a returned message once and records what its
 * recipients' classification says through the {@link FeedbackRecorder} — DSN failures and delays, ARF
 * complaints, delivery reports, each located by the VERP token of the return path it came back to,
 * else by the original Message-ID. Classifying is done before, by {@code Bounces.classify}, outside any
 * transaction: it is the slow part and needs no database. Auto-replies and unclassifiable mail change
 * nothing but are kept. Mail to a List-Unsubscribe mailto address unsubscribes like the one-click link.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BounceIngest {

    private static final Logger LOG = Logger.getLogger(BounceIngest.class.getName());

    @Inject
    FeedbackRecorder recorder;

    @Inject
    InboundMails inbound;

    @EJB
    Unsubscribes unsubscribes;

    @Inject
    Clock clock;

    /**
     * @param sha256 the content's hash, by which a message handed in twice is recorded once (checked again
     *               here, in the transaction, for two deliveries of the same message at once)
     */
    public BounceOutcome record(byte[] raw, String sha256, BounceReport report) {
        Optional<BounceOutcome> seen = inbound.duplicate(sha256);
        if (seen.isPresent()) {
            return seen.get();
        }
        Instant now = clock.instant();
        InboundMail mail = inbound.keep(new InboundMail(sha256, now, report, raw));
        List<FeedbackEvent> events = new ArrayList<>();
        for (BounceRecipient recipient : report.recipients()) {
            DeliveryStatus status = statusFor(recipient);
            if (status != null) {
                events.add(event(status, recipient, mail, now));
            }
        }
        // A report may name one recipient twice: the recorder drops the repeat by its key.
        int matched = (int) recorder.record(events).stream().filter(FeedbackOutcome::matched).count();
        mail.matched(matched);
        return new BounceOutcome(mail.getKind(), report.recipients().size(), matched, false);
    }

    public BounceOutcome unsubscribe(byte[] raw, String sha256, String token) {
        Optional<BounceOutcome> seen = inbound.duplicate(sha256);
        if (seen.isPresent()) {
            return seen.get();
        }
        InboundMail mail = inbound.keep(new InboundMail(sha256, clock.instant(), InboundMail.UNSUBSCRIBE, 1, raw, null));
        boolean done = unsubscribes.unsubscribe(token, "unsubscribed by mail to the List-Unsubscribe address");
        if (done) {
            mail.matched(1);
        } else {
            LOG.warning(() -> "Mail to unsubscribe+" + token + "@ carries no token of ours; kept as inbound_mail "
                    + mail.getId() + " and ignored");
        }
        return new BounceOutcome(InboundMail.UNSUBSCRIBE, 1, done ? 1 : 0, false);
    }

    /** RFC 3463 class first: a 4.x.x or a DSN "delayed" is temporary whatever the text says. */
    static DeliveryStatus statusFor(BounceRecipient r) {
        return switch (r.kind()) {
            case COMPLAINT -> DeliveryStatus.COMPLAINED;
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case HARD, SOFT -> "delayed".equalsIgnoreCase(r.action())
                    || FailureSeverity.permanence(r.status(), null) == Permanence.TEMPORARY
                    ? DeliveryStatus.TEMPORARY_FAILURE : DeliveryStatus.FAILED;
            case AUTOREPLY, UNKNOWN -> null;
        };
    }

    private static FeedbackEvent event(DeliveryStatus status, BounceRecipient r, InboundMail mail, Instant now) {
        String diagnostic = ((r.reason().isEmpty() ? "" : r.reason() + ": ") + r.diagnostic()).strip();
        return new FeedbackEvent(r.kind() == BounceKind.COMPLAINT ? "ARF" : "DSN",
                FeedbackEvent.Locator.ofBounce(r.verpToken(), r.originalMessageId()), null,
                r.recipient().isEmpty() ? null : r.recipient(), status, now, SmtpStatusExtractor.fromText(r.diagnostic()).code(),
                r.status().isEmpty() ? null : r.status(), diagnostic, false, null,
                "inbound:" + mail.getSha256() + ":" + r.recipient(), "inbound_mail:" + mail.getId());
    }
}
