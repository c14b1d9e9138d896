package io.distman.feedback.control.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryReplayGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final InMemoryReplayGuard guard = new InMemoryReplayGuard(clock);

    @Test
    void secondClaimWithinLifetimeFails() {
        Instant until = clock.instant().plus(Duration.ofMinutes(5));
        assertTrue(guard.claim("t1", until));
        assertFalse(guard.claim("t1", until));
        assertTrue(guard.claim("t2", until));
    }

    @Test
    void expiredTokensAreForgottenAndPurged() {
        assertTrue(guard.claim("old", clock.instant().plus(Duration.ofMinutes(5))));
        clock.advance(Duration.ofMinutes(6));
        assertTrue(guard.claim("old", clock.instant().plus(Duration.ofMinutes(5))), "expired record no longer blocks");

        for (int i = 0; i < 1100; i++) {
            guard.claim("bulk-" + i, clock.instant().plusSeconds(1));
        }
        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 1100; i++) {
            guard.claim("later-" + i, clock.instant().plus(Duration.ofHours(1)));
        }
        assertTrue(guard.size() < 2200, "expired entries are purged, size " + guard.size());
        assertEquals(false, guard.claim("later-0", clock.instant().plus(Duration.ofHours(1))));
    }
}
