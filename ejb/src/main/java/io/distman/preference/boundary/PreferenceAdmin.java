package io.distman.preference.boundary;

import io.distman.account.boundary.Callers;
import io.distman.message.boundary.AddressCheck;
import io.distman.platform.entity.FieldError;
import io.distman.preference.control.DigestSchedule;
import io.distman.preference.control.PreferenceInputCheck;
import io.distman.preference.entity.DigestFrequency;
import io.distman.preference.entity.PreferenceChange;
import io.distman.preference.entity.PreferenceChangeRow;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceRefusedException;
import io.distman.preference.entity.PreferenceView;
import io.distman.preference.entity.RecipientPreference;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Support staff's and the REST API's view and changes of recipient preferences: support users (the screen
 * /app/support/preferences.xhtml) and an account's ADMIN-scope API key change them; any signed-in staff read them (the
 * View dialog). Every method works on one account, given first, that the caller must be able to act for, and reads
 * and writes only that account's rows. A change writes one audit row per field it
 * changed, in the same transaction, naming the caller as the container authenticated them.
 */
@Stateless
@RolesAllowed({"support", "admin"})
public class PreferenceAdmin {

    static final int MAX_PAGE = 200;
    static final int MAX_AUDIT = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    Preferences preferences;

    @Inject
    Clock clock;

    /** An address's preferences; the defaults when nobody set any. */
    @RolesAllowed("agent") // the View dialog shows them to any signed-in staff
    public PreferenceView view(long accountId, String address) {
        callers.forAccount(accountId);
        String key = checkedAddress(address);
        RecipientPreference p = preferences.of(accountId, List.of(key)).get(key);
        return p == null ? PreferenceView.defaults(key) : PreferenceView.of(p);
    }

    /** The addresses with preferences set whose address contains {@code addressPart}, by address. */
    public List<PreferenceView> search(long accountId, String addressPart, int first, int pageSize) {
        callers.forAccount(accountId);
        String part = addressPart == null ? "" : Preferences.lower(addressPart);
        return em.createNamedQuery(RecipientPreference.SEARCH, RecipientPreference.class)
                .setParameter("accountId", accountId)
                .setParameter("address", "%" + part.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(pageSize, MAX_PAGE)))
                .getResultStream().map(PreferenceView::of).toList();
    }

    /** The address's audit trail, newest first. */
    public List<PreferenceChangeRow> changes(long accountId, String address) {
        callers.forAccount(accountId);
        return em.createNamedQuery(PreferenceChange.OF_ADDRESS, PreferenceChange.class)
                .setParameter("accountId", accountId).setParameter("address", checkedAddress(address))
                .setMaxResults(MAX_AUDIT).getResultStream().map(PreferenceChangeRow::of).toList();
    }

    /**
     * Sets the address's preferences as given (all fields) and audits what changed.
     * @throws PreferenceRefusedException naming each bad field; nothing is changed then
     */
    public PreferenceView save(long accountId, String address, PreferenceInput input) {
        String actor = callers.forAccount(accountId).actor();
        String key = checkedAddress(address);
        PreferenceInputCheck.Checked checked = PreferenceInputCheck.check(input);
        Instant now = clock.instant();
        RecipientPreference p = em.createNamedQuery(RecipientPreference.OF_ADDRESSES, RecipientPreference.class)
                .setParameter("accountId", accountId).setParameter("addresses", List.of(key))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        PreferenceView before = p == null ? PreferenceView.defaults(key) : PreferenceView.of(p);
        if (p == null) {
            p = new RecipientPreference(accountId, key);
            em.persist(p);
        }
        String weekday = checked.weekday() == null ? null : checked.weekday().name();
        String time = PreferenceInputCheck.hhmm(checked.time());
        String zone = checked.zone() == null ? null : checked.zone().getId();
        // The next turn is kept when the schedule itself did not change, so re-saving does not skip a due digest.
        boolean sameSchedule = before.digest() == checked.digest() && Objects.equals(before.digestWeekday(), weekday)
                && Objects.equals(before.digestTime(), time) && Objects.equals(before.digestZone(), zone);
        // Turning the digest off sends what was held in one last digest at the job's next run, rather than never.
        Instant next = sameSchedule ? before.nextDigestAt() : checked.digest() == DigestFrequency.NONE
                ? (before.digest() == DigestFrequency.NONE ? null : now)
                : DigestSchedule.next(checked.digest(), checked.weekday(), checked.time(), checked.zone(), now);
        p.set(checked.optedOut(), checked.digest(), weekday, time, zone, next, actor, now);
        audit(accountId, key, actor, now, "optedOut", String.valueOf(before.optedOut()), String.valueOf(checked.optedOut()));
        audit(accountId, key, actor, now, "digest", before.digest().name(), checked.digest().name());
        audit(accountId, key, actor, now, "digestWeekday", before.digestWeekday(), weekday);
        audit(accountId, key, actor, now, "digestTime", before.digestTime(), time);
        audit(accountId, key, actor, now, "digestZone", before.digestZone(), zone);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another user created the same address's row at the same moment (the unique constraint caught it).
            throw new PreferenceRefusedException(List.of(new FieldError("address",
                    "was changed by someone else at the same moment; try again")));
        }
        return PreferenceView.of(p);
    }

    private void audit(long accountId, String address, String actor, Instant now, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            em.persist(new PreferenceChange(accountId, address, field, from, to, actor, now));
        }
    }

    private static String checkedAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new PreferenceRefusedException(List.of(new FieldError("address", "is required")));
        }
        String normalised = AddressCheck.normalise(address);
        String problem = normalised.length() > 320 ? "is longer than 320 characters" : AddressCheck.problemWith(normalised);
        if (problem != null) {
            throw new PreferenceRefusedException(List.of(new FieldError("address", problem)));
        }
        return Preferences.lower(normalised);
    }
}
