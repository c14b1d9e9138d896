package io.distman.dispatch.boundary;

import io.distman.dispatch.entity.Claim;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.Priority;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Commits each claim (and each lease renewal) on its own, so the lease is visible to other dispatchers
 * before sending begins, and a renewal is in place before the next mail of the block is handed over.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@PermitAll // the dispatch job (no caller identity) claims; nothing here takes an account from a request
public class DeliveryClaims {

    /** Long enough for a block of 50 to a slow relay; a crashed claimant's mail waits at most this long. */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

    @Inject
    DeliveryClaimer claimer;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    public List<Claim> claim(String owner, Collection<Priority> priorities, int limit) {
        return claimer.claim(owner, priorities, limit, lease()).stream()
                .map(d -> new Claim(d.getId(), owner, d.getAttempts())).toList();
    }

    /**
     * Extends the lease of those of {@code ids} that {@code owner} still holds, to a full lease from now.
     * A delivery already taken over by another claimant (its lease ran out) is left alone: the fencing
     * token keeps the late sender's result out anyway. @return how many leases were renewed
     */
    public int renew(String owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createNamedQuery(Delivery.RENEW_LEASE)
                .setParameter("leaseUntil", clock.instant().plus(lease()))
                .setParameter("ids", List.copyOf(ids))
                .setParameter("owner", owner)
                .executeUpdate();
    }

    /** The claims {@code owner} holds among {@code ids} (a user's send-now, claimed a moment ago). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Claim> heldBy(String owner, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(Delivery.CLAIMS_OF, Object[].class)
                .setParameter("ids", List.copyOf(ids))
                .setParameter("owner", owner)
                .getResultStream()
                .map(row -> new Claim(((Number) row[0]).longValue(), owner, ((Number) row[1]).intValue()))
                .toList();
    }

    /** The configured lease ({@code distman.dispatch.lease}), for every claim, the sweep's and a user's send-now. */
    public static Duration lease() {
        return Settings.duration("distman.dispatch.lease", DEFAULT_LEASE);
    }
}
