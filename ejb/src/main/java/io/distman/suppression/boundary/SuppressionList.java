package io.distman.suppression.boundary;

import io.distman.message.entity.Category;
import io.distman.suppression.entity.Suppression;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which of some addresses the account must not mail right now, for mail of a given category. */
@Dependent
public class SuppressionList {

    private static final int SLICE = 500;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /** @return active suppressions keyed by lower-cased address */
    public Map<String, Suppression> activeFor(long accountId, Collection<String> addresses, Category category, Instant now) {
        List<String> lowered = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).distinct().toList();
        Map<String, Suppression> active = new HashMap<>();
        if (lowered.isEmpty()) {
            return active;
        }
        // In slices: a batch of submissions asks for thousands of addresses, more than one IN list should bind.
        for (int from = 0; from < lowered.size(); from += SLICE) {
            for (Suppression s : em.createNamedQuery(Suppression.ACTIVE_FOR, Suppression.class)
                    .setParameter("accountId", accountId)
                    .setParameter("addresses", lowered.subList(from, Math.min(lowered.size(), from + SLICE)))
                    .setParameter("now", now)
                    .setParameter("category", category)
                    .getResultList()) {
                active.put(s.getAddress(), s);
            }
        }
        return active;
    }
}
