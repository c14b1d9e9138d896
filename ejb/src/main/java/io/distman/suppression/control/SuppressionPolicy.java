package io.distman.suppression.control;

import io.distman.bounce.boundary.FailureSeverity;
import io.distman.message.boundary.DeliveryStatusApplied;
import io.distman.message.boundary.StatusChangesArriving;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.Settings;
import io.distman.suppression.entity.SoftBounce;
import io.distman.suppression.entity.Suppression;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the suppression list from what happens to deliveries, so the account stops mailing dead
 * addresses before its provider blocks it. Called by the status recorder for every status change:
 * <ul>
 * <li>a complaint or a hard bounce (RFC 3463, see {@link FailureSeverity}) suppresses the address for
 * every category, without expiry;</li>
 * <li>an unsubscribe suppresses it for BULK mail only, never for TRANSACTIONAL or ESSENTIAL mail;</li>
 * <li>soft failures decay: 3 within 14 days suspend the address for 7 days (settings
 * {@code distman.suppression.softLimit}, {@code .softWindow}, {@code .softSuspension});</li>
 * <li>a delivery, open or click clears the soft count.</li>
 * </ul>
 */
// One instance for the application: it keeps nothing between calls (its per-transaction knowledge is a
// transaction resource), and a @Dependent observer is created with its resource injection (JNDI look-ups)
// for every event, i.e. for every delivery a submission stores and every webhook event recorded.
@ApplicationScoped
public class SuppressionPolicy {

    /** Transaction resource: counters known not to exist, so clearing them needs no look-up. */
    private static final Object ABSENT_COUNTERS = SuppressionPolicy.class.getName() + ".absent";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * Reads the soft-failure counters a batch of changes may touch with one query, instead of one
     * look-up per delivered, opened or clicked event (the bulk of webhook traffic). What it learnt
     * holds for the current transaction only.
     */
    void prefetch(@Observes StatusChangesArriving arriving) {
        Collection<Map.Entry<Delivery, StatusChange>> changes = arriving.changes();
        Set<SoftBounce.Key> keys = new HashSet<>();
        for (Map.Entry<Delivery, StatusChange> change : changes) {
            switch (change.getValue().status()) {
                case DELIVERED, OPENED, CLICKED, FAILED -> {
                    if (change.getKey().getAddress() != null) {
                        keys.add(key(change.getKey()));
                    }
                }
                default -> {
                }
            }
        }
        if (keys.size() < 2 || transaction.getTransactionKey() == null) {
            return; // a single look-up costs the same as the query
        }
        List<Long> accounts = keys.stream().map(SoftBounce.Key::accountId).distinct().toList();
        List<String> addresses = keys.stream().map(SoftBounce.Key::address).distinct().toList();
        Set<SoftBounce.Key> absent = new HashSet<>(keys);
        for (SoftBounce found : em.createNamedQuery(SoftBounce.OF_ADDRESSES, SoftBounce.class)
                .setParameter("accountIds", accounts).setParameter("addresses", addresses).getResultList()) {
            absent.remove(new SoftBounce.Key(found.getAccountId(), found.getAddress()));
        }
        transaction.putResource(ABSENT_COUNTERS, absent);
    }

    void after(@Observes DeliveryStatusApplied applied) {
        Delivery delivery = applied.delivery();
        StatusChange change = applied.change();
        if (delivery.getAddress() == null || StatusChange.DIGEST_SOURCE.equals(change.source())) {
            return; // a held delivery following its digest: the digest delivery's own event was counted
        }
        switch (change.status()) {
            case COMPLAINED -> suppress(delivery, "COMPLAINT", change, null, null);
            case UNSUBSCRIBED -> suppress(delivery, "UNSUBSCRIBE", change, null, unsubscribeScope(delivery));
            case FAILED -> {
                if (FailureSeverity.condemnsAddress(change.enhancedCode())) {
                    suppress(delivery, "HARD_BOUNCE", change, null, null);
                } else {
                    softFailure(delivery, change);
                }
            }
            case DELIVERED, OPENED, CLICKED -> clearSoftFailures(delivery);
            default -> {
            }
        }
    }

    /** An unsubscribe only ever stops BULK mail: rent demands and ticket updates must still arrive. */
    private static Category unsubscribeScope(Delivery delivery) {
        return Category.BULK;
    }

    private void softFailure(Delivery delivery, StatusChange change) {
        SoftBounce counter = em.find(SoftBounce.class, key(delivery), LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new SoftBounce(delivery.getAccountId(), address(delivery), change.occurredAt());
            em.persist(counter);
            knownAbsent().remove(key(delivery));
        } else {
            counter.failedAgain(change.occurredAt(), Settings.duration("distman.suppression.softWindow", Duration.ofDays(14)));
        }
        if (counter.getFailures() >= Settings.longValue("distman.suppression.softLimit", 3)) {
            Instant until = change.occurredAt().plus(Settings.duration("distman.suppression.softSuspension", Duration.ofDays(7)));
            suppress(delivery, "SOFT_BOUNCE", change, until, null);
            em.remove(counter); // the suspension starts a fresh count
        }
    }

    private void clearSoftFailures(Delivery delivery) {
        if (knownAbsent().contains(key(delivery))) {
            return;
        }
        SoftBounce counter = em.find(SoftBounce.class, key(delivery));
        if (counter != null) {
            em.remove(counter);
        }
    }

    private void suppress(Delivery delivery, String reason, StatusChange change, Instant expiresAt, Category category) {
        String address = address(delivery);
        String detail = change.diagnostic() == null ? change.source() : change.source() + ": " + change.diagnostic();
        detail = detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        Suppression existing = em.createNamedQuery(Suppression.OF_ADDRESS, Suppression.class)
                .setParameter("accountId", delivery.getAccountId()).setParameter("address", address)
                .getResultStream().findFirst().orElse(null);
        if (existing == null) {
            Suppression suppression = new Suppression(delivery.getAccountId(), address, reason, detail, delivery.getId(),
                    change.occurredAt(), expiresAt);
            suppression.limitTo(category);
            em.persist(suppression);
        } else if (!coversMore(existing, change.occurredAt(), expiresAt, category)) {
            existing.renew(reason, detail, delivery.getId(), change.occurredAt(), expiresAt, category);
        }
    }

    /** A permanent, every-category entry is never weakened by a later unsubscribe or soft suspension. */
    private static boolean coversMore(Suppression existing, Instant now, Instant expiresAt, Category category) {
        boolean active = existing.getExpiresAt() == null || existing.getExpiresAt().isAfter(now);
        boolean permanentAll = active && existing.getExpiresAt() == null && existing.getCategory() == null;
        return permanentAll && (expiresAt != null || category != null);
    }

    @SuppressWarnings("unchecked")
    private Set<SoftBounce.Key> knownAbsent() {
        Set<SoftBounce.Key> absent = transaction.getTransactionKey() == null ? null
                : (Set<SoftBounce.Key>) transaction.getResource(ABSENT_COUNTERS);
        return absent == null ? new HashSet<>() : absent;
    }

    private static SoftBounce.Key key(Delivery delivery) {
        return new SoftBounce.Key(delivery.getAccountId(), address(delivery));
    }

    private static String address(Delivery delivery) {
        return delivery.getAddress().toLowerCase(Locale.ROOT);
    }
}
