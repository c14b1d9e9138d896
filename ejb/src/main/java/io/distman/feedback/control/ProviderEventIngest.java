package io.distman.feedback.control;

import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.ReceivedEvent;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ties normalised provider events to deliveries and records them: by our delivery id carried in the
 * provider's metadata, else by the Message-ID or the provider's message id. Every event is kept once
 * per provider event id; those that match nothing are kept for support rather than refused. An event
 * that came to an account's URL only matches that account's deliveries.
 *
 * <p>Works on a batch of requests at once (several webhook requests share one transaction): a few
 * queries per batch, not per event, which is what lets a server take thousands of events a second.
 */
@Dependent
public class ProviderEventIngest {

    private static final int IDS_PER_QUERY = 500;
    /** EclipseLink's hint (its API is not on the compile path): re-read rows already in the persistence context. */
    private static final String REFRESH = "eclipselink.refresh";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    Clock clock;

    /** An event and the request it came with. */
    private record Arrival(PendingWebhook request, ProviderEvent event) {
    }

    /** @return what became of each request's events, in the order given */
    public Map<PendingWebhook, IngestResult> ingest(List<PendingWebhook> requests) {
        Instant now = clock.instant();
        List<Arrival> fresh = unseen(requests);
        Deliveries deliveries = new Deliveries(fresh);
        Map<PendingWebhook, int[]> tallies = new HashMap<>(); // matched, unmatched
        List<Map.Entry<Delivery, StatusChange>> changes = new ArrayList<>();
        for (Arrival arrival : fresh) {
            ProviderEvent event = arrival.event();
            Delivery delivery = deliveries.matching(arrival);
            ReceivedEvent received = new ReceivedEvent(event, delivery == null ? null : delivery.getId(),
                    delivery == null ? arrival.request().accountId() : delivery.getAccountId(), now);
            em.persist(received);
            tallies.computeIfAbsent(arrival.request(), r -> new int[2])[delivery == null ? 1 : 0]++;
            if (delivery != null && event.status() != null) {
                changes.add(Map.entry(delivery, change(event, received, now)));
            }
        }
        statuses.recordFresh(changes); // unseen() already dropped known and repeated event ids
        Map<PendingWebhook, IngestResult> results = new LinkedHashMap<>();
        for (PendingWebhook request : requests) {
            int[] tally = tallies.getOrDefault(request, new int[2]);
            results.put(request, new IngestResult(tally[0], tally[1], request.events().size() - tally[0] - tally[1]));
        }
        return results;
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

    /** Drops events already stored (providers retry) and repeats within the batch, one query per provider. */
    private List<Arrival> unseen(List<PendingWebhook> requests) {
        Map<String, Set<String>> known = new HashMap<>();
        requests.stream().collect(Collectors.groupingBy(PendingWebhook::provider,
                Collectors.flatMapping(r -> r.events().stream().map(ProviderEvent::eventId), Collectors.toSet())))
                .forEach((provider, eventIds) -> known.put(provider, storedEventIds(provider, List.copyOf(eventIds))));
        List<Arrival> fresh = new ArrayList<>();
        for (PendingWebhook request : requests) {
            for (ProviderEvent event : request.events()) {
                if (known.computeIfAbsent(event.provider(), p -> new HashSet<>()).add(event.eventId())) {
                    fresh.add(new Arrival(request, event));
                }
            }
        }
        return fresh;
    }

    private Set<String> storedEventIds(String provider, List<String> eventIds) {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < eventIds.size(); from += IDS_PER_QUERY) {
            stored.addAll(em.createNamedQuery(ReceivedEvent.KNOWN_IDS, String.class).setParameter("provider", provider)
                    .setParameter("eventIds", eventIds.subList(from, Math.min(eventIds.size(), from + IDS_PER_QUERY)))
                    .getResultList());
        }
        return stored;
    }

    /**
     * The deliveries a batch's events may concern, locked and read fresh: a webhook and the dispatcher
     * may report on one delivery at once. Locked in id order (no deadlock between two batches about the
     * same deliveries): on PostgreSQL with one statement, elsewhere one row at a time because Derby
     * refuses FOR UPDATE on an ordered query.
     */
    private final class Deliveries {

        private final Map<Long, Delivery> byId = new HashMap<>();
        private final Map<String, List<Delivery>> byMessageId = new HashMap<>();

        Deliveries(List<Arrival> arrivals) {
            lockAndLoad(arrivals.stream().map(a -> a.event().deliveryId()).filter(Objects::nonNull).collect(Collectors.toSet()))
                    .forEach(d -> byId.put(d.getId(), d));
            List<String> providerIds = arrivals.stream().map(Arrival::event)
                    .filter(e -> e.deliveryId() == null || !byId.containsKey(e.deliveryId()))
                    .map(ProviderEvent::providerMessageId).filter(Objects::nonNull).map(ProviderEventIngest::bare)
                    .distinct().toList();
            if (providerIds.isEmpty()) {
                return;
            }
            Set<Long> found = new HashSet<>();
            for (int from = 0; from < providerIds.size(); from += IDS_PER_QUERY) {
                List<String> chunk = providerIds.subList(from, Math.min(providerIds.size(), from + IDS_PER_QUERY));
                em.createNamedQuery(Delivery.BY_PROVIDER_IDS, Delivery.class)
                        .setParameter("messageIds", chunk.stream().map(id -> "<" + id + ">").toList())
                        .setParameter("providerIds", chunk).getResultList().forEach(d -> found.add(d.getId()));
            }
            for (Delivery d : lockAndLoad(found)) {
                byMessageId.computeIfAbsent(bare(d.getMessageIdHeader()), k -> new ArrayList<>()).add(d);
                if (d.getProviderMessageId() != null) {
                    byMessageId.computeIfAbsent(d.getProviderMessageId(), k -> new ArrayList<>()).add(d);
                }
            }
        }

        Delivery matching(Arrival arrival) {
            ProviderEvent event = arrival.event();
            Long account = arrival.request().accountId();
            Delivery direct = event.deliveryId() == null ? null : byId.get(event.deliveryId());
            if (direct != null) {
                return account == null || account.equals(direct.getAccountId()) ? direct : null;
            }
            if (event.providerMessageId() == null) {
                return null;
            }
            // One provider message id may cover several recipients: the event's recipient picks one.
            return byMessageId.getOrDefault(bare(event.providerMessageId()), List.of()).stream()
                    .filter(d -> account == null || account.equals(d.getAccountId()))
                    .filter(d -> event.recipient() == null || event.recipient().equalsIgnoreCase(d.getAddress()))
                    .findFirst().orElse(null);
        }

        private List<Delivery> lockAndLoad(Collection<Long> ids) {
            List<Long> sorted = ids.stream().sorted().distinct().toList();
            List<Delivery> loaded = new ArrayList<>();
            for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
                List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_QUERY));
                if (database.isPostgreSql()) {
                    lockRows(chunk);
                }
                List<Delivery> rows = em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class).setParameter("ids", chunk)
                        .setHint(REFRESH, "TRUE").getResultList();
                if (!database.isPostgreSql()) {
                    rows.stream().sorted(Comparator.comparing(Delivery::getId))
                            .forEach(d -> em.lock(d, LockModeType.PESSIMISTIC_WRITE));
                }
                loaded.addAll(rows);
            }
            return loaded;
        }

        private void lockRows(List<Long> sortedIds) {
            StringBuilder sql = new StringBuilder("SELECT id FROM delivery WHERE id IN (");
            for (int i = 1; i <= sortedIds.size(); i++) {
                sql.append(i == 1 ? "?" : ", ?").append(i);
            }
            Query lock = em.createNativeQuery(sql.append(") ORDER BY id FOR UPDATE").toString());
            for (int i = 0; i < sortedIds.size(); i++) {
                lock.setParameter(i + 1, sortedIds.get(i));
            }
            lock.getResultList();
        }
    }

    static String bare(String messageId) {
        String id = messageId.strip();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
