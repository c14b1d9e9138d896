package io.distman.preference.boundary;

import io.distman.preference.control.DigestSchedule;
import io.distman.preference.entity.DigestFrequency;
import io.distman.preference.entity.RecipientPreference;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The preference store as the rest of the application reads it: whether a recipient opted out, everything known
 * about a batch of recipients (the submission's and the dispatcher's one query per block), and the digests due.
 * Addresses match whatever their case. Runs in the caller's transaction; the caller has checked the account.
 */
@Dependent
public class Preferences {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /** @return whether the recipient opted out of non-essential mail in this account (false when nobody set anything) */
    public boolean optedOut(long accountId, String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        RecipientPreference p = of(accountId, List.of(address)).get(lower(address));
        return p != null && p.isOptedOut();
    }

    /** @return the preferences set for any of {@code addresses}, keyed by lower-cased address */
    public Map<String, RecipientPreference> of(long accountId, Collection<String> addresses) {
        List<String> lowered = addresses.stream().filter(a -> a != null && !a.isBlank()).map(Preferences::lower)
                .distinct().toList();
        Map<String, RecipientPreference> found = new HashMap<>();
        for (int from = 0; from < lowered.size(); from += 500) {
            em.createNamedQuery(RecipientPreference.OF_ADDRESSES, RecipientPreference.class)
                    .setParameter("accountId", accountId)
                    .setParameter("addresses", lowered.subList(from, Math.min(lowered.size(), from + 500)))
                    .getResultStream().forEach(p -> found.put(p.getAddress(), p));
        }
        return found;
    }

    /** The preferences whose digest is due at {@code now}, oldest turn first, at most {@code limit}. */
    public List<RecipientPreference> digestsDue(Instant now, int limit) {
        return em.createNamedQuery(RecipientPreference.DIGEST_DUE, RecipientPreference.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Moves a recipient's digest to its next turn after {@code now}; the caller holds the row's transaction. */
    public void digestDone(long preferenceId, Instant now) {
        RecipientPreference p = em.find(RecipientPreference.class, preferenceId);
        if (p != null && p.getNextDigestAt() != null && !p.getNextDigestAt().isAfter(now)) {
            p.digestDone(p.getDigest() == DigestFrequency.NONE ? null : DigestSchedule.next(p.getDigest(),
                    p.getDigestWeekday() == null ? null : DayOfWeek.valueOf(p.getDigestWeekday()),
                    LocalTime.parse(p.getDigestTime()), ZoneId.of(p.getDigestZone()), now));
        }
    }

    static String lower(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
