package io.distman.feedback.boundary;

import io.distman.tracking.boundary.LinkTokens;
import io.distman.tracking.boundary.MachineDetector;
import io.distman.tracking.boundary.TrackedHtml;
import io.distman.tracking.entity.TrackingRequest;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.MessageContent;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.Secrets;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Opens (the pixel) and clicks (the rewritten links) of tracked mail, recorded through the one status
 * method as OPENED / CLICKED with source PIXEL / CLICK. Machine events (see {@link MachineDetector})
 * are recorded flagged, with their reason as the diagnostic, and leave the status alone.
 */
@Stateless
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
    DeliveryStatusRecorder statuses;

    @Inject
    Clock clock;

    /** Records an open; a token that is not ours records nothing (the caller answers alike either way). */
    public void opened(String token, TrackingRequest request) {
        Optional<Delivery> found = delivery(LinkTokens.OPEN, token);
        if (found.isEmpty()) {
            return;
        }
        Delivery delivery = lock(found.get());
        Instant now = clock.instant();
        Optional<String> machine = MachineDetector.open(request, now, deliveredAt(delivery),
                MachineDetector.Thresholds.fromSettings());
        // One event per second at most: a client that shows the mail twice in a second is one open.
        record(delivery, DeliveryStatus.OPENED, PIXEL, now, machine, request,
                "open:" + delivery.getId() + ":" + now.getEpochSecond(), null);
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
        Delivery delivery = lock(found.get());
        Instant now = clock.instant();
        MachineDetector.Thresholds limits = MachineDetector.Thresholds.fromSettings();
        Optional<String> machine = MachineDetector.click(request, n, now, deliveredAt(delivery),
                earlierClicks(delivery, now.minus(limits.scannerBurst())), limits);
        record(delivery, DeliveryStatus.CLICKED, CLICK, now, machine, request,
                "click:" + delivery.getId() + ":" + n + ":" + now.toEpochMilli(), LINK + n + " " + target.get());
        return target;
    }

    private void record(Delivery delivery, DeliveryStatus status, String source, Instant at, Optional<String> machine,
                        TrackingRequest request, String dedupeKey, String payloadRef) {
        String agent = "User-Agent: " + (request.userAgent() == null ? "none" : request.userAgent());
        String diagnostic = machine.map(reason -> "machine: " + reason + "; " + agent).orElse(agent);
        statuses.record(delivery, new StatusChange(status, at, source, null, null, diagnostic, null,
                dedupeKey + (machine.isPresent() ? ":machine" : ""), clip(payloadRef), machine.isPresent()));
    }

    private Optional<Delivery> delivery(String purpose, String token) {
        OptionalLong id = LinkTokens.verify(secrets.key(LinkTokens.SECRET), purpose, token);
        return id.isPresent() ? Optional.ofNullable(em.find(Delivery.class, id.getAsLong())) : Optional.empty();
    }

    /** The row lock the status method asks of its callers, so two clicks are judged one after the other. */
    private Delivery lock(Delivery delivery) {
        em.lock(delivery, LockModeType.PESSIMISTIC_WRITE);
        return delivery;
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
