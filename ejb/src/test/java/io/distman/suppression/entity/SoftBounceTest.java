package io.distman.suppression.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SoftBounceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(14);

    @Test
    void failuresWithinTheWindowAddUp() {
        SoftBounce counter = new SoftBounce(1L, "a@example.org", T0);
        assertEquals(2, counter.failedAgain(T0.plus(Duration.ofDays(3)), WINDOW));
        assertEquals(3, counter.failedAgain(T0.plus(Duration.ofDays(13)), WINDOW));
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        SoftBounce counter = new SoftBounce(1L, "a@example.org", T0);
        counter.failedAgain(T0.plus(Duration.ofDays(1)), WINDOW);
        assertEquals(1, counter.failedAgain(T0.plus(Duration.ofDays(15)), WINDOW), "the window restarts");
        assertEquals(2, counter.failedAgain(T0.plus(Duration.ofDays(16)), WINDOW));
    }
}
