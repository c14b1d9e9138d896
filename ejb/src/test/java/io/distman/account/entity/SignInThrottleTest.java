package io.distman.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final ThrottleLimits LIMITS = new ThrottleLimits(5, Duration.ofMinutes(15), Duration.ofMinutes(1),
            Duration.ofMinutes(10));
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void theFifthFailureWithinTheWindowLocksForTheFirstLock() {
        SignInThrottle row = new SignInThrottle("k", ThrottleKind.USER, T0);
        for (int i = 0; i < 4; i++) {
            row.failed(T0.plusSeconds(i), LIMITS);
            assertFalse(row.lockedAt(T0.plusSeconds(i)));
        }
        row.failed(T0.plusSeconds(4), LIMITS);
        assertTrue(row.lockedAt(T0.plusSeconds(5)));
        assertEquals(T0.plusSeconds(4).plus(Duration.ofMinutes(1)), row.getLockedUntil());
        assertFalse(row.lockedAt(T0.plusSeconds(4 + 60)));
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        SignInThrottle row = new SignInThrottle("k", ThrottleKind.USER, T0);
        for (int i = 0; i < 10; i++) {
            row.failed(T0.plus(Duration.ofMinutes(4L * i)), LIMITS);
        }
        assertEquals(0, row.getLocks());
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongUpToTheLongest() {
        SignInThrottle row = new SignInThrottle("k", ThrottleKind.ADDRESS, T0);
        Instant now = T0;
        long[] expectedMinutes = {1, 2, 4, 8, 10, 10};
        for (long minutes : expectedMinutes) {
            for (int i = 0; i < 5; i++) {
                row.failed(now, LIMITS);
            }
            assertEquals(Duration.ofMinutes(minutes), Duration.between(now, row.getLockedUntil()));
            now = row.getLockedUntil();
        }
    }

    @Test
    void aDayWithoutFailuresForgetsThePreviousLocks() {
        SignInThrottle row = new SignInThrottle("k", ThrottleKind.USER, T0);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5; i++) {
                row.failed(T0.plus(Duration.ofMinutes(20L * round)), LIMITS);
            }
        }
        assertEquals(3, row.getLocks());
        Instant nextDay = T0.plus(Duration.ofDays(2));
        for (int i = 0; i < 5; i++) {
            row.failed(nextDay, LIMITS);
        }
        assertEquals(1, row.getLocks());
        assertEquals(nextDay.plus(Duration.ofMinutes(1)), row.getLockedUntil());
    }
}
