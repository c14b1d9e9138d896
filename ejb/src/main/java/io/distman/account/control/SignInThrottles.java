package io.distman.account.control;

import io.distman.account.entity.AppUser;
import io.distman.account.entity.SignInThrottle;
import io.distman.account.entity.ThrottleKind;
import io.distman.platform.boundary.Hashes;
import io.distman.platform.boundary.ScheduleLeases;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The failed-sign-in rows ({@link SignInThrottle}), each change in a transaction of its own so a refused
 * sign-in is counted whatever happens next. A failure locks the row it counts on, so failures on several
 * servers add up; two first failures of a new key at once collide on the primary key, and the loser's
 * caller counts again ({@code SignIns}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInThrottles {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    ScheduleLeases leases;

    /** The row's key: no username (or password typed into its field) is stored as such. */
    public static String key(ThrottleKind kind, String value) {
        return Hashes.sha256Hex((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the latest end of a lock on any of the keys that is still running */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> lockedUntil(Map<String, ThrottleKind> keys) {
        Instant now = clock.instant();
        return keys.keySet().stream().map(key -> em.find(SignInThrottle.class, key))
                .filter(row -> row != null && row.lockedAt(now)).map(SignInThrottle::getLockedUntil)
                .max(Instant::compareTo);
    }

    public void failed(Map<String, ThrottleKind> keys) {
        Instant now = clock.instant();
        // In key order, so two servers counting the same two keys never wait on each other crosswise.
        keys.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            SignInThrottle row = em.find(SignInThrottle.class, entry.getKey(), LockModeType.PESSIMISTIC_WRITE);
            if (row == null) {
                row = new SignInThrottle(entry.getKey(), entry.getValue(), now);
                em.persist(row);
            }
            row.failed(now, SignInSettings.limits(entry.getValue()));
        });
        em.flush();
    }

    /** The user got in: their username's failures are forgotten (the address's are not: one good account must not reset them). */
    public void succeeded(String userKey) {
        SignInThrottle row = em.find(SignInThrottle.class, userKey);
        if (row != null) {
            em.remove(row);
        }
    }

    /** When the user last got in, for their admin (the users screen): one small write, in the same new transaction kind. */
    public void signedIn(AppUser.Key user) {
        AppUser found = em.find(AppUser.class, user);
        if (found != null) {
            found.signedIn(clock.instant());
        }
    }

    /**
     * Rows nobody failed on for a day are of no use: an attacker's many usernames do not pile up. Every server
     * ticks; one per installation purges (the turn is not given back: its 30-minute gap is what keeps the others out).
     */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void purge() {
        if (!leases.tryRun("sign-in throttle purge", Duration.ofMinutes(10), Duration.ofMinutes(30))) {
            return;
        }
        Instant before = clock.instant().minus(SignInThrottle.MEMORY);
        em.createNamedQuery(SignInThrottle.PURGE).setParameter("before", before).executeUpdate();
    }
}
