package io.distman.digest.control;

import io.distman.digest.entity.DigestItem;
import io.distman.message.boundary.DeliveryStatusApplied;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.AbstractMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Held deliveries follow their digest: when the digest delivery is handed over, delivered, or fails for good, each
 * delivery it carried takes that status too, with a line in its own timeline naming the digest delivery. It observes
 * the status method's in-transaction event, so the digest's status and its held deliveries' commit together, and it
 * records through the same method. Only a digest delivery (known by its message's source module, no look-up) costs a
 * query. Opens and clicks are not passed on: opening the digest does not say which of its mails was read.
 */
// One instance for the application, as SuppressionPolicy: it keeps nothing between calls.
@ApplicationScoped
public class DigestFollower {

    static final Set<DeliveryStatus> FOLLOWED = EnumSet.of(DeliveryStatus.ACCEPTED, DeliveryStatus.DELIVERED,
            DeliveryStatus.FAILED, DeliveryStatus.REJECTED, DeliveryStatus.SUPPRESSED, DeliveryStatus.CANCELLED);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryStatusRecorder statuses;

    void follow(@Observes DeliveryStatusApplied applied) {
        Delivery digest = applied.delivery();
        StatusChange change = applied.change();
        if (!FOLLOWED.contains(change.status()) || !DigestMailer.SOURCE_MODULE.equals(digest.getMessage().getSourceModule())
                || !DigestMailer.RAISED_BY.equals(digest.getRaisedBy())) {
            return;
        }
        String detail = "digest delivery #" + digest.getId() + ": " + change.status().label()
                + (change.diagnostic() == null ? "" : " (" + change.diagnostic() + ")");
        statuses.recordFresh(em.createNamedQuery(DigestItem.HELD_IN, Delivery.class)
                .setParameter("digestDeliveryId", digest.getId()).getResultStream()
                .map(held -> (Map.Entry<Delivery, StatusChange>) new AbstractMap.SimpleEntry<>(held,
                        new StatusChange(change.status(), change.occurredAt(), StatusChange.DIGEST_SOURCE, change.smtpCode(),
                                change.enhancedCode(), detail.length() > 1000 ? detail.substring(0, 1000) : detail, null,
                                key(held, change), null, false)))
                .toList());
    }

    /** Unique because the digest's own key is: one event per held delivery and digest event. */
    private static String key(Delivery held, StatusChange change) {
        String key = "digest:" + held.getId() + ":" + change.dedupeKey();
        return key.length() <= 200 ? key : key.substring(0, 200);
    }
}
