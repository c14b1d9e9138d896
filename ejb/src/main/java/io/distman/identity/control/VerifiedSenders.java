package io.distman.identity.control;

import io.distman.platform.boundary.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The verified identities the sender check has recently seen, per account, remembered for
 * {@code distman.identity.senderCache} (default one minute; {@code PT0S} turns it off): every submission asks
 * whether its From is covered, and a database round trip per submission for an answer that changes a few times
 * a year is what held the submit rate back. Only a yes is remembered, keyed by the identity that gave it (a domain
 * or an address, so the map holds no more than the identities that exist): a new or newly verified identity
 * applies at once. A verification withdrawn on this server applies at once ({@link #forget}); on another server
 * within that time.
 */
@ApplicationScoped
public class VerifiedSenders {

    private record Key(long accountId, String identity) {
    }

    private final ConcurrentMap<Key, Instant> verified = new ConcurrentHashMap<>();

    /** Whether a verified identity of the account seen within the cache time is {@code address} or its {@code domain}. */
    public boolean covers(long accountId, String address, String domain, Instant now) {
        return fresh(new Key(accountId, address), now) || fresh(new Key(accountId, domain), now);
    }

    /** Notes that {@code identity} (a domain or an address, as stored) was found verified at {@code now}. */
    public void remember(long accountId, String identity, Instant now) {
        Duration keep = Settings.duration("distman.identity.senderCache", Duration.ofMinutes(1));
        if (!keep.isNegative() && !keep.isZero()) {
            verified.put(new Key(accountId, identity), now.plus(keep));
        }
    }

    /** Drops what is remembered for the account, when one of its identities is checked again. */
    public void forget(long accountId) {
        verified.keySet().removeIf(key -> key.accountId() == accountId);
    }

    private boolean fresh(Key key, Instant now) {
        Instant until = verified.get(key);
        if (until == null) {
            return false;
        }
        if (until.isAfter(now)) {
            return true;
        }
        verified.remove(key, until);
        return false;
    }
}
