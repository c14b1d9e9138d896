package io.distman.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowedLimitTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aLimitIsSplitIntoWindowsWhoseQuotasAddUpToExactlyTheLimit() {
        for (int limit : new int[] {1, 2, 5, 6, 7, 10, 11, 12, 97, 500, 1000, 9_999_991}) {
            WindowedLimit l = new WindowedLimit(limit, HOUR);
            assertEquals(limit, l.quota() * l.windows(), "limit " + limit);
            assertEquals(HOUR, l.window().multipliedBy(l.windows()), "limit " + limit);
        }
    }

    @Test
    void fiveHundredAnHourIsAHundredPerTwelveMinutes() {
        WindowedLimit l = new WindowedLimit(500, HOUR);
        assertEquals(5, l.windows());
        assertEquals(100, l.quota());
        assertEquals(Duration.ofMinutes(12), l.window());
    }

    @Test
    void sixHundredAnHourIsCountedInTenMinuteWindowsOnTheClock() {
        WindowedLimit l = new WindowedLimit(600, HOUR);
        assertEquals(Duration.ofMinutes(10), l.window());
        Instant start = l.windowStart(Instant.parse("2026-12-06T10:37:59Z"));
        assertEquals(Instant.parse("2026-12-06T10:30:00Z"), start);
        assertEquals(Instant.parse("2026-12-06T10:40:00Z"), l.nextWindow(start));
        assertEquals(start, l.windowStart(start), "a window's first instant is in it");
    }

    @Test
    void aPrimeLimitIsOneWindowOfTheWholePeriod() {
        WindowedLimit l = new WindowedLimit(7, HOUR);
        assertEquals(1, l.windows());
        assertEquals(7, l.quota());
        assertEquals(Instant.parse("2026-12-06T10:00:00Z"), l.windowStart(Instant.parse("2026-12-06T10:59:59.999Z")));
    }

    @Test
    void perSecondWindowsAreFractionsOfASecond() {
        WindowedLimit l = new WindowedLimit(10, Duration.ofSeconds(1));
        assertEquals(5, l.windows());
        assertEquals(2, l.quota());
        assertEquals(Instant.parse("2026-12-06T10:00:00.200Z"), l.windowStart(Instant.parse("2026-12-06T10:00:00.399Z")));
    }

    @Test
    void bulkMailLeavesAFifthOfEachWindowToTheOtherLanesButAlwaysGetsOne() {
        assertEquals(1, DomainAdmission.bulkQuota(1));
        assertEquals(1, DomainAdmission.bulkQuota(2));
        assertEquals(6, DomainAdmission.bulkQuota(7));
        assertEquals(80, DomainAdmission.bulkQuota(100));
    }

    @Test
    void noLimitOfZeroOrLess() {
        assertThrows(IllegalArgumentException.class, () -> new WindowedLimit(0, HOUR));
        assertThrows(IllegalArgumentException.class, () -> new WindowedLimit(5, Duration.ZERO));
    }
}
