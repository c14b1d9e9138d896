package io.distman.ratelimit.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/** One slot of a relay's per-second budget, each take committed on its own so the window's row is locked for milliseconds. */
@Stateless
@PermitAll // the dispatch job's sender, through SendBudget
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class PaceSlots {

    @Inject
    WindowCounters counters;

    public boolean take(String scope, Instant windowStart, int quota) {
        return counters.take(scope, windowStart, 1, quota) == 1;
    }
}
