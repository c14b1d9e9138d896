package io.distman.feedback.control.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Single-node replay guard; it forgets everything on restart, so tests and development only. */
public final class InMemoryReplayGuard implements ReplayGuard {

    private static final int PURGE_EVERY = 1024;

    private final Clock clock;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final AtomicInteger claimsSincePurge = new AtomicInteger();

    public InMemoryReplayGuard(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean claim(String token, Instant keepUntil) {
        Objects.requireNonNull(token, "token");
        Instant now = clock.instant();
        if (claimsSincePurge.incrementAndGet() >= PURGE_EVERY) {
            claimsSincePurge.set(0);
            seen.values().removeIf(until -> !until.isAfter(now));
        }
        boolean[] first = {false};
        // compute() makes check-and-record atomic, so two concurrent deliveries cannot both win.
        seen.compute(token, (key, until) -> {
            if (until != null && until.isAfter(now)) {
                return until;
            }
            first[0] = true;
            return keepUntil;
        });
        return first[0];
    }

    int size() {
        return seen.size();
    }
}
