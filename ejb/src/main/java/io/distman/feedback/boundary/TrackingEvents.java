package io.distman.feedback.boundary;

import io.distman.feedback.control.FeedbackRecorder;
import io.distman.feedback.entity.FeedbackEvent;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.MessageContent;
import io.distman.platform.boundary.Secrets;
import io.distman.tracking.boundary.LinkTokens;
import io.distman.tracking.boundary.MachineDetector;
import io.distman.tracking.boundary.TrackedHtml;
import io.distman.tracking.entity.TrackingRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Opens (the pixel) and clicks (the rewritten links) of tracked mail, handed to the {@link FeedbackRecorder}
 * as OPENED / CLICKED with source PIXEL / CLICK; the signed link token is what names the delivery. Machine
 * events (see {@link MachineDetector}, judged under the delivery's lock) are recorded flagged, with their
 * reason as the diagnostic, and leave the status alone.
 */
@Stateless
@PermitAll // tracking links are authenticated by their signed token, not by a caller
public class TrackingEvents {

    private static final String PIXEL = "PIXEL";
    private static final String CLICK = "CLICK";
    private static final String LINK = "link:";
    private static final List<DeliveryStatus> SENT = List.of(DeliveryStatus.ACCEPTED, DeliveryStatus.DELIVERED);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Secrets secrets;

    @Inject
    FeedbackRecorder recorder;

    @Inject
    Clock clock;

    /** Records an open; a token that is not ours records nothing (the caller answers alike either way). */
    public void opened(String token, TrackingRequest request) {
        Instant now = clock.instant();
        // One event per second at most: a client that shows the mail twice in a second is one open.
        FeedbackEvent open = event(DeliveryStatus.OPENED, PIXEL, LinkTokens.OPEN, token, now,
                "open:" + FeedbackEvent.DELIVERY + ":" + now.getEpochSecond(), null);
        recorder.record(List.of(open), (event, delivery) -> judged(event, request, MachineDetector.open(request, now,
                deliveredAt(delivery), MachineDetector.Thresholds.fromSettings())));
    }

    /**
     * Records a click on link {@code link} of the delivery's message.
     *
     * @return where to send the reader: the link as the archived message has it; empty (record nothing,
     * redirect nowhere) for a token that is not ours or a link the message does not have
     */
    public Optional<String> clicked(String token, String link, TrackingRequest request) {
        int n;
        try {
            n = Integer.parseInt(link);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<Delivery> found = delivery(LinkTokens.CLICK, token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MessageContent content = em.find(MessageContent.class, found.get().getMessage().getId());
        Optional<String> target = TrackedHtml.link(content == null ? null : content.getHtmlBody(), n);
        if (target.isEmpty()) {
            return target;
        }
        Instant now = clock.instant();
        MachineDetector.Thresholds limits = MachineDetector.Thresholds.fromSettings();
        FeedbackEvent click = event(DeliveryStatus.CLICKED, CLICK, LinkTokens.CLICK, token, now,
                "click:" + FeedbackEvent.DELIVERY + ":" + n + ":" + now.toEpochMilli(), clip(LINK + n + " " + target.get()));
        // Judged under the delivery's lock, so two clicks at once see each other.
        recorder.record(List.of(click), (event, delivery) -> judged(event, request, MachineDetector.click(request, n, now,
                deliveredAt(delivery), earlierClicks(delivery, now.minus(limits.scannerBurst())), limits)));
        return target;
    }

    private static FeedbackEvent event(DeliveryStatus status, String source, String purpose, String token, Instant at,
                                       String dedupeKey, String payloadRef) {
        return new FeedbackEvent(source, FeedbackEvent.Locator.ofLink(purpose, token), null, null, status, at, null, null,
                null, false, null, dedupeKey, payloadRef);
    }

    /** A machine's open or click is kept in the timeline, flagged with the reason, and moves no status. */
    private static FeedbackEvent judged(FeedbackEvent event, TrackingRequest request, Optional<String> machine) {
        String agent = "User-Agent: " + (request.userAgent() == null ? "none" : request.userAgent());
        String diagnostic = machine.map(reason -> "machine: " + reason + "; " + agent).orElse(agent);
        return event.judged(machine.isPresent(), diagnostic, event.dedupeKey() + (machine.isPresent() ? ":machine" : ""),
                event.payloadRef());
    }

    private Optional<Delivery> delivery(String purpose, String token) {
        OptionalLong id = LinkTokens.verify(v -> secrets.verifying(LinkTokens.SECRET, v), purpose, token);
        return id.isPresent() ? Optional.ofNullable(em.find(Delivery.class, id.getAsLong())) : Optional.empty();
    }

    /** When the mail last left us or reached the recipient's server, the start of the machine windows. */
    private Instant deliveredAt(Delivery delivery) {
        return em.createNamedQuery(DeliveryEvent.LATEST_OF_STATUS, DeliveryEvent.class)
                .setParameter("deliveryId", delivery.getId()).setParameter("statuses", SENT)
                .setMaxResults(1).getResultStream().findFirst().map(DeliveryEvent::getOccurredAt).orElse(null);
    }

    private List<MachineDetector.PriorClick> earlierClicks(Delivery delivery, Instant since) {
        return em.createNamedQuery(DeliveryEvent.SINCE_OF_STATUS, DeliveryEvent.class)
                .setParameter("deliveryId", delivery.getId()).setParameter("status", DeliveryStatus.CLICKED)
                .setParameter("since", since).getResultStream()
                .filter(e -> CLICK.equals(e.getSource())) // a provider's click event names no link of ours
                .map(e -> new MachineDetector.PriorClick(linkOf(e.getPayloadRef()), e.getOccurredAt())).toList();
    }

    /** The link number kept in our click events' payload reference: {@code link:<n> <url>}. */
    private static int linkOf(String payloadRef) {
        return Integer.parseInt(payloadRef.substring(LINK.length(), payloadRef.indexOf(' ')));
    }

    private static String clip(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
