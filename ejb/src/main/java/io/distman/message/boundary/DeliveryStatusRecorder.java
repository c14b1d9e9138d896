package io.distman.message.boundary;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Message;
import io.distman.message.entity.StatusChange;
import io.distman.message.entity.StatusPrecedence;
import io.distman.platform.boundary.AfterCommitEvents;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place a delivery's status changes. It appends the event to the timeline (once per dedupe
 * key), derives the current status by {@link StatusPrecedence}, lets in-transaction observers (the suppression
 * list) keep in step through {@link DeliveryStatusApplied},
 * and announces a change after commit.
 * Callers must hold the delivery row (a lock or the dispatcher's lease) so that two reports for the
 * same delivery are not recorded concurrently.
 */
@Dependent
public class DeliveryStatusRecorder {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    AfterCommitEvents afterCommit;

    @Inject
    Clock clock;

    /** The suppression policy observes these two in the same transaction (it sits above this feature). */
    @Inject
    Event<StatusChangesArriving> arriving;

    @Inject
    Event<DeliveryStatusApplied> applied;

    /** @return true when the event was new (and so appended), whether or not it changed the status */
    public boolean record(Delivery delivery, StatusChange change) {
        if (!knownKeys(List.of(change.dedupeKey())).isEmpty()) {
            return false;
        }
        apply(delivery, change, clock.instant());
        return true;
    }

    /**
     * Stores a delivery that has just been created together with its first event. No dedupe look-up:
     * the first event's key derives from the delivery's fresh, unique Message-ID.
     */
    public void start(Delivery delivery, StatusChange first) {
        apply(delivery, first, clock.instant());
    }

    /**
     * Records changes whose dedupe keys cannot have been seen before: minted by this module (the
     * dispatcher's claim and attempt keys carry the attempt number) or already checked to be new by the
     * feedback recorder (a provider event id, a bounce, a click): no look-up, which matters
     * at thousands of deliveries a second. A repeat would still be refused by the unique key.
     */
    public void recordFresh(Collection<Map.Entry<Delivery, StatusChange>> changes) {
        arriving.fire(new StatusChangesArriving(changes));
        Instant now = clock.instant();
        changes.forEach(entry -> apply(entry.getKey(), entry.getValue(), now));
    }

    private void apply(Delivery delivery, StatusChange change, Instant now) {
        if (delivery.getId() == null) {
            em.persist(delivery); // a new delivery gets its id before its first event refers to it
        }
        em.persist(new DeliveryEvent(delivery, change, now));
        DeliveryStatus previous = delivery.getStatus();
        if (change.machine() || !StatusPrecedence.replaces(previous, delivery.getStatusAt(), change.status(), change.occurredAt())) {
            return;
        }
        delivery.applyStatus(change.status(), change.occurredAt(), clip(change.diagnostic()), change.smtpCode(),
                change.enhancedCode());
        if (previous != change.status()) {
            applied.fire(new DeliveryStatusApplied(delivery, change));
            Message message = delivery.getMessage();
            afterCommit.fire(new DeliveryStatusChanged(delivery.getAccountId(), message.getId(), delivery.getId(),
                    delivery.getAddress(), delivery.getRaisedBy(), message.getSourceModule(), message.getSourceRef(),
                    previous, change.status(), change.occurredAt(), change.source(), change.diagnostic(), change.smtpCode()));
        }
    }

    /**
     * The dedupe keys among {@code keys} already in a delivery's timeline: the one look-up behind "recorded
     * once per key", for callers that drop repeats of a whole batch before {@link #recordFresh}.
     */
    public Set<String> knownKeys(List<String> keys) {
        Set<String> known = new HashSet<>();
        for (int from = 0; from < keys.size(); from += 500) {
            known.addAll(em.createNamedQuery(DeliveryEvent.KNOWN_KEYS, String.class)
                    .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + 500)))
                    .getResultList());
        }
        return known;
    }

    private static String clip(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }
}
