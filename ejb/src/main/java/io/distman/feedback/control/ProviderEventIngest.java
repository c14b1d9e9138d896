package io.distman.feedback.control;

import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.ReceivedEvent;
import io.distman.message.control.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.StatusChange;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Ties normalised provider events to deliveries and records them: by our delivery id carried in the
 * provider's metadata, else by the Message-ID or the provider's message id. Every event is kept once
 * per provider event id; those that match nothing are kept for support rather than refused.
 */
@Dependent
public class ProviderEventIngest {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    Clock clock;

    public IngestResult ingest(List<ProviderEvent> events) {
        if (events.isEmpty()) {
            return new IngestResult(0, 0, 0);
        }
        Instant now = clock.instant();
        List<ProviderEvent> fresh = unseen(events);
        Deliveries deliveries = new Deliveries(fresh);
        List<Map.Entry<Delivery, StatusChange>> changes = new ArrayList<>();
        int matched = 0;
        for (ProviderEvent event : fresh) {
            Delivery delivery = deliveries.matching(event);
            ReceivedEvent received = new ReceivedEvent(event, delivery == null ? null : delivery.getId(),
                    delivery == null ? null : delivery.getAccountId(), now);
            em.persist(received);
            if (delivery == null) {
                continue;
            }
            matched++;
            if (event.status() != null) {
                changes.add(Map.entry(delivery, change(event, received, now)));
            }
        }
        lockInIdOrder(changes);
        statuses.recordFresh(changes); // unseen() already dropped known and repeated event ids
        return new IngestResult(matched, fresh.size() - matched, events.size() - fresh.size());
    }

    private static StatusChange change(ProviderEvent event, ReceivedEvent received, Instant now) {
        String diagnostic = event.diagnostic();
        if (event.reason() != null && (diagnostic == null || !diagnostic.contains(event.reason()))) {
            diagnostic = diagnostic == null ? event.reason() : event.reason() + ": " + diagnostic;
        }
        return new StatusChange(event.status(), Objects.requireNonNullElse(event.occurredAt(), now),
                "WEBHOOK:" + event.provider(), event.smtpCode(), event.enhancedCode(), diagnostic, event.provider(),
                "webhook:" + event.provider() + ":" + event.eventId(), "provider_event:" + received.getId(), event.machine());
    }

    /**
     * Locks the deliveries about to change, one by one in id order (no deadlock between two requests
     * about the same deliveries), refreshing them: a webhook and the dispatcher may report at once.
     * One row at a time because Derby refuses FOR UPDATE on the joined, ordered load.
     */
    private void lockInIdOrder(List<Map.Entry<Delivery, StatusChange>> changes) {
        changes.stream().map(Map.Entry::getKey).distinct().sorted(java.util.Comparator.comparing(Delivery::getId))
                .forEach(d -> em.lock(d, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Drops events already stored (providers retry) and repeats within the request. */
    private List<ProviderEvent> unseen(List<ProviderEvent> events) {
        String provider = events.get(0).provider();
        Set<String> known = new HashSet<>(em.createNamedQuery(ReceivedEvent.KNOWN_IDS, String.class)
                .setParameter("provider", provider)
                .setParameter("eventIds", events.stream().map(ProviderEvent::eventId).distinct().toList())
                .getResultList());
        List<ProviderEvent> fresh = new ArrayList<>();
        for (ProviderEvent event : events) {
            if (known.add(event.eventId())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    /** The deliveries a request's events may concern, loaded and locked with two queries. */
    private final class Deliveries {

        private final Map<Long, Delivery> byId = new HashMap<>();
        private final Map<String, List<Delivery>> byMessageId = new HashMap<>();

        Deliveries(List<ProviderEvent> events) {
            List<Long> ids = events.stream().map(ProviderEvent::deliveryId).filter(Objects::nonNull).distinct().toList();
            if (!ids.isEmpty()) {
                em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class).setParameter("ids", ids).getResultList()
                        .forEach(d -> byId.put(d.getId(), d));
            }
            List<String> providerIds = events.stream().filter(e -> e.deliveryId() == null || !byId.containsKey(e.deliveryId()))
                    .map(ProviderEvent::providerMessageId).filter(Objects::nonNull).map(ProviderEventIngest::bare)
                    .distinct().toList();
            if (!providerIds.isEmpty()) {
                for (Delivery d : em.createNamedQuery(Delivery.BY_PROVIDER_IDS, Delivery.class)
                        .setParameter("messageIds", providerIds.stream().map(id -> "<" + id + ">").toList())
                        .setParameter("providerIds", providerIds).getResultList()) {
                    byMessageId.computeIfAbsent(bare(d.getMessageIdHeader()), k -> new ArrayList<>()).add(d);
                    if (d.getProviderMessageId() != null) {
                        byMessageId.computeIfAbsent(d.getProviderMessageId(), k -> new ArrayList<>()).add(d);
                    }
                }
            }
        }

        Delivery matching(ProviderEvent event) {
            if (event.deliveryId() != null && byId.containsKey(event.deliveryId())) {
                return byId.get(event.deliveryId());
            }
            if (event.providerMessageId() == null) {
                return null;
            }
            List<Delivery> candidates = byMessageId.getOrDefault(bare(event.providerMessageId()), List.of());
            // One provider message id may cover several recipients: the event's recipient picks one.
            return candidates.stream()
                    .filter(d -> event.recipient() == null || event.recipient().equalsIgnoreCase(d.getAddress()))
                    .findFirst().orElse(null);
        }
    }

    static String bare(String messageId) {
        String id = messageId.strip();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
