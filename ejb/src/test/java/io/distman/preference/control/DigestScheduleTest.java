package io.distman.preference.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.distman.preference.entity.DigestFrequency;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The digest's next turn: the recipient's local time, every day or on their weekday, across daylight-saving changes. */
class DigestScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    private static Instant next(DigestFrequency f, DayOfWeek day, LocalTime time, ZoneId zone, String after) {
        return DigestSchedule.next(f, day, time, zone, Instant.parse(after));
    }

    @Test
    void dailyIsLaterTodayOrElseTomorrow() {
        assertEquals(Instant.parse("2026-01-15T08:00:00Z"), next(DigestFrequency.DAILY, null, EIGHT, LONDON, "2026-01-15T07:59:00Z"));
        assertEquals(Instant.parse("2026-01-16T08:00:00Z"), next(DigestFrequency.DAILY, null, EIGHT, LONDON, "2026-01-15T08:00:00Z"),
                "a turn exactly now is done: the next is tomorrow");
        assertEquals(Instant.parse("2026-01-16T07:00:00Z"), next(DigestFrequency.DAILY, null, EIGHT, BERLIN, "2026-01-15T07:30:00Z"));
    }

    @Test
    void dailyKeepsTheLocalTimeAcrossTheSpringAndAutumnChanges() {
        // London goes to BST on Sunday 29 March 2026: 08:00 local is 08:00Z before, 07:00Z after.
        assertEquals(Instant.parse("2026-03-29T07:00:00Z"), next(DigestFrequency.DAILY, null, EIGHT, LONDON, "2026-03-28T08:00:00Z"));
        // ...and back to GMT on Sunday 25 October 2026.
        assertEquals(Instant.parse("2026-10-25T08:00:00Z"), next(DigestFrequency.DAILY, null, EIGHT, LONDON, "2026-10-24T07:00:00Z"));
    }

    @Test
    void aTimeTheSpringChangeSkipsMovesForwardAndAnAutumnTimeThatComesTwiceIsTakenOnce() {
        LocalTime halfPastOne = LocalTime.of(1, 30); // 01:00-02:00 does not exist in London on 29 March 2026
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), next(DigestFrequency.DAILY, null, halfPastOne, LONDON, "2026-03-28T12:00:00Z"),
                "02:30 BST, the gap's length later");
        Instant first = next(DigestFrequency.DAILY, null, halfPastOne, LONDON, "2026-10-24T12:00:00Z");
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), first, "01:30 BST, the earlier of the two");
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), DigestSchedule.next(DigestFrequency.DAILY, null, halfPastOne, LONDON, first),
                "not again an hour later at 01:30 GMT");
    }

    @Test
    void weeklyIsOnTheWeekdayThisWeekOrNext() {
        // 15 January 2026 is a Thursday.
        assertEquals(Instant.parse("2026-01-19T08:00:00Z"), next(DigestFrequency.WEEKLY, DayOfWeek.MONDAY, EIGHT, LONDON, "2026-01-15T10:00:00Z"));
        assertEquals(Instant.parse("2026-01-15T08:00:00Z"), next(DigestFrequency.WEEKLY, DayOfWeek.THURSDAY, EIGHT, LONDON, "2026-01-15T06:00:00Z"));
        assertEquals(Instant.parse("2026-01-22T08:00:00Z"), next(DigestFrequency.WEEKLY, DayOfWeek.THURSDAY, EIGHT, LONDON, "2026-01-15T08:00:00Z"));
    }

    @Test
    void weeklyAcrossTheChangeKeepsTheLocalTime() {
        // Friday 27 March (GMT) to Friday 3 April (BST).
        Instant march = next(DigestFrequency.WEEKLY, DayOfWeek.FRIDAY, EIGHT, LONDON, "2026-03-26T12:00:00Z");
        assertEquals(Instant.parse("2026-03-27T08:00:00Z"), march);
        assertEquals(Instant.parse("2026-04-03T07:00:00Z"), DigestSchedule.next(DigestFrequency.WEEKLY, DayOfWeek.FRIDAY, EIGHT, LONDON, march));
    }

    @Test
    void theLocalDayDecidesNotTheUtcDay() {
        // 23:30 UTC on Sunday is already Monday 08:30 in Tokyo: Monday's 08:00 has passed, the next is a week on.
        assertEquals(Instant.parse("2026-01-25T23:00:00Z"), next(DigestFrequency.WEEKLY, DayOfWeek.MONDAY, EIGHT,
                ZoneId.of("Asia/Tokyo"), "2026-01-18T23:30:00Z"));
    }

    @Test
    void noDigestHasNoTurn() {
        assertNull(next(DigestFrequency.NONE, null, null, null, "2026-01-15T10:00:00Z"));
    }
}
