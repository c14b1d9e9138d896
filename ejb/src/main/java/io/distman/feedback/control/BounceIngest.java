package io.distman.feedback.control;

import io.distman.bounce.boundary.FailureSeverity;
import io.distman.bounce.boundary.FailureSeverity.Permanence;
import io.distman.bounce.boundary.SmtpStatusExtractor;
import io.distman.bounce.boundary.Bounces;
import io.distman.bounce.entity.BounceKind;
import io.distman.feedback.entity.BounceOutcome;
import io.distman.bounce.entity.BounceRecipient;
import io.distman.bounce.entity.BounceReport;
import io.distman.feedback.entity.InboundMail;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.Hashes;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a returned message into status changes: classifies each recipient, finds the delivery by
 * the VERP token of the return path it came back to, else by the original Message-ID, and records
 * DSN failures and delays, ARF complaints and delivery reports through the one status method.
 * Auto-replies and unclassifiable mail change nothing but are kept.
 */
@Dependent
public class BounceIngest {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    InboundMails inbound;

    @Inject
    Clock clock;

    public BounceOutcome ingest(byte[] raw) {
        String sha256 = Hashes.sha256Hex(raw);
        Optional<InboundMail> seen = inbound.byHash(sha256);
        if (seen.isPresent()) {
            return seen.get().asDuplicate();
        }
        BounceReport report = Bounces.classify(raw);
        Instant now = clock.instant();
        InboundMail mail = inbound.keep(new InboundMail(sha256, now, report, raw));
        List<Map.Entry<Delivery, StatusChange>> changes = new ArrayList<>();
        for (BounceRecipient recipient : report.recipients()) {
            DeliveryStatus status = statusFor(recipient);
            Delivery delivery = status == null ? null : delivery(recipient);
            if (delivery != null) {
                em.lock(delivery, LockModeType.PESSIMISTIC_WRITE);
                changes.add(Map.entry(delivery, change(status, recipient, mail, now)));
            }
        }
        mail.matched(changes.size());
        statuses.recordAll(changes); // a report may name one recipient twice: let the key look-up drop repeats
        return new BounceOutcome(mail.getKind(), report.recipients().size(), changes.size(), false);
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

    private Delivery delivery(BounceRecipient r) {
        if (!r.verpToken().isEmpty()) {
            Delivery byToken = em.createNamedQuery(Delivery.BY_RETURN_TOKEN, Delivery.class)
                    .setParameter("token", r.verpToken().toLowerCase(java.util.Locale.ROOT)).getResultStream().findFirst().orElse(null);
            if (byToken != null) {
                return byToken;
            }
        }
        if (r.originalMessageId().isEmpty()) {
            return null;
        }
        // Each delivery has its own Message-ID, so it names one recipient; the address only confirms it.
        return em.createNamedQuery(Delivery.BY_MESSAGE_ID_HEADER, Delivery.class)
                .setParameter("messageId", r.originalMessageId()).getResultStream()
                .filter(d -> r.recipient().isEmpty() || r.recipient().equalsIgnoreCase(d.getAddress()))
                .findFirst().orElse(null);
    }

    private static StatusChange change(DeliveryStatus status, BounceRecipient r, InboundMail mail, Instant now) {
        String diagnostic = (r.reason().isEmpty() ? "" : r.reason() + ": ") + r.diagnostic();
        return new StatusChange(status, now, r.kind() == BounceKind.COMPLAINT ? "ARF" : "DSN",
                SmtpStatusExtractor.fromText(r.diagnostic()).code(), r.status().isEmpty() ? null : r.status(), diagnostic.strip(), null,
                "inbound:" + mail.getSha256() + ":" + r.recipient(), "inbound_mail:" + mail.getId(), false);
    }
}
