package io.distman.dispatch.boundary;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.Priority;
import io.distman.platform.boundary.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Commits each claim on its own, so the lease is visible to other dispatchers before sending begins. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@PermitAll // the dispatch job (no caller identity) claims; nothing here takes an account from a request
public class DeliveryClaims {

    /** Long enough for a block of 50 to a slow relay; a crashed claimant's mail waits at most this long. */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

    @Inject
    DeliveryClaimer claimer;

    public List<Long> claim(String owner, Collection<Priority> priorities, int limit) {
        return claimer.claim(owner, priorities, limit, lease()).stream().map(Delivery::getId).toList();
    }

    /** The configured lease ({@code distman.dispatch.lease}), for every claim, the sweep's and a user's send-now. */
    public static Duration lease() {
        return Settings.duration("distman.dispatch.lease", DEFAULT_LEASE);
    }
}
