package io.distman.dispatch.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(RetryPolicy.DEFAULT_BACKOFF, RetryPolicy.DEFAULT_MAX_AGE);

    @Test
    void backOffGrowsThenRepeatsEveryThreeHours() {
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(1))), policy.nextAttempt(1, T0, T0));
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(5))), policy.nextAttempt(2, T0, T0));
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(15))), policy.nextAttempt(3, T0, T0));
        assertEquals(Optional.of(T0.plus(Duration.ofHours(1))), policy.nextAttempt(4, T0, T0));
        assertEquals(Optional.of(T0.plus(Duration.ofHours(3))), policy.nextAttempt(5, T0, T0));
        assertEquals(Optional.of(T0.plus(Duration.ofHours(3))), policy.nextAttempt(17, T0, T0));
    }

    @Test
    void givesUpOnceTheNextAttemptWouldBeOlderThanTheMaximumAge() {
        Instant now = T0;
        List<Instant> attempts = new ArrayList<>();
        int n = 1;
        Optional<Instant> next;
        while ((next = policy.nextAttempt(n, T0, now)).isPresent()) {
            attempts.add(next.get());
            now = next.get();
            n++;
        }
        Instant last = attempts.get(attempts.size() - 1);
        assertTrue(!last.isAfter(T0.plus(Duration.ofDays(3))), "never schedules past three days");
        assertTrue(last.isAfter(T0.plus(Duration.ofDays(3)).minus(Duration.ofHours(3))), "keeps trying until close to it");
        // 1 + 5 + 15 + 60 min then 3-hourly for the rest of 72 h.
        assertEquals(4 + (int) ((Duration.ofDays(3).toMinutes() - 81) / 180), attempts.size());
    }

    @Test
    void aConfiguredScheduleIsUsed() {
        RetryPolicy fast = new RetryPolicy(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), Duration.ofSeconds(10));
        assertEquals(Optional.of(T0.plusSeconds(1)), fast.nextAttempt(1, T0, T0));
        assertEquals(Optional.of(T0.plusSeconds(2)), fast.nextAttempt(5, T0, T0));
        assertEquals(Optional.empty(), fast.nextAttempt(5, T0, T0.plusSeconds(9)));
    }

    @Test
    void aProvidersRetryAfterIsAMinimumWaitWithinTheMaximumAge() {
        Instant inTenMinutes = T0.plus(Duration.ofMinutes(10));
        assertEquals(Optional.of(inTenMinutes), policy.nextAttempt(1, T0, T0, inTenMinutes), "longer than the back-off: waited for");
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(5))), policy.nextAttempt(2, T0, T0, T0.plusSeconds(30)),
                "shorter than the back-off: the back-off wins");
        assertEquals(Optional.empty(), policy.nextAttempt(1, T0, T0, T0.plus(Duration.ofDays(4))),
                "a wait past the maximum age gives up");
    }
}
