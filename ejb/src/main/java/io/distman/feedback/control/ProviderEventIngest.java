package io.distman.feedback.control;

import io.distman.message.boundary.DeliveryLocks;
import io.distman.feedback.entity.FeedbackEvent;
import io.distman.feedback.entity.FeedbackOutcome;
import io.distman.feedback.entity.IngestResult;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.ReceivedEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The webhook intake: turns a batch of normalised provider events into {@link FeedbackEvent}s for the
 * {@link FeedbackRecorder}, and keeps every event once per provider event id, matched or not (those
 * that match nothing are kept for support, with the reason, rather than refused). An event that came to
 * an account's URL carries that account as its scope.
 *
 * <p>Works on a batch of requests at once (several webhook requests share one transaction): a few
 * queries per batch, not per event, which is what lets a server take thousands of events a second.
 */
@Dependent
public class ProviderEventIngest {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    FeedbackRecorder recorder;

    @Inject
    Clock clock;

    /** An event and the request it came with. */
    private record Arrival(PendingWebhook request, ProviderEvent event) {
    }

    /** @return what became of each request's events, in the order given */
    public Map<PendingWebhook, IngestResult> ingest(List<PendingWebhook> requests) {
        Instant now = clock.instant();
        List<Arrival> fresh = unseen(requests);
        List<FeedbackOutcome> outcomes = recorder.record(fresh.stream().map(a -> feedback(a, now)).toList());
        Map<PendingWebhook, int[]> tallies = new HashMap<>(); // matched, unmatched
        for (int i = 0; i < fresh.size(); i++) {
            Arrival arrival = fresh.get(i);
            FeedbackOutcome outcome = outcomes.get(i);
            // Kept after recording, so the row is written once, as it ends up.
            em.persist(new ReceivedEvent(arrival.event(), outcome.deliveryId(),
                    outcome.matched() ? outcome.accountId() : arrival.request().accountId(), outcome.unmatchedReason(), now));
            tallies.computeIfAbsent(arrival.request(), r -> new int[2])[outcome.matched() ? 0 : 1]++;
        }
        Map<PendingWebhook, IngestResult> results = new LinkedHashMap<>();
        for (PendingWebhook request : requests) {
            int[] tally = tallies.getOrDefault(request, new int[2]);
            results.put(request, new IngestResult(tally[0], tally[1], request.events().size() - tally[0] - tally[1]));
        }
        return results;
    }

    private static FeedbackEvent feedback(Arrival arrival, Instant now) {
        ProviderEvent event = arrival.event();
        String diagnostic = event.diagnostic();
        if (event.reason() != null && (diagnostic == null || !diagnostic.contains(event.reason()))) {
            diagnostic = diagnostic == null ? event.reason() : event.reason() + ": " + diagnostic;
        }
        return new FeedbackEvent("WEBHOOK:" + event.provider(),
                FeedbackEvent.Locator.ofProvider(event.deliveryToken(), event.providerMessageId()),
                arrival.request().accountId(), event.recipient(), event.status(),
                Objects.requireNonNullElse(event.occurredAt(), now), event.smtpCode(), event.enhancedCode(), diagnostic,
                event.machine(), event.provider(), "webhook:" + event.provider() + ":" + event.eventId(),
                ReceivedEvent.payloadRef(event.provider(), event.eventId()));
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
        for (List<String> chunk : DeliveryLocks.chunks(eventIds)) {
            stored.addAll(em.createNamedQuery(ReceivedEvent.KNOWN_IDS, String.class).setParameter("provider", provider)
                    .setParameter("eventIds", chunk).getResultList());
        }
        return stored;
    }
}
