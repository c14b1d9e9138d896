package io.distman.preference.control;

import io.distman.preference.entity.DigestFrequency;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a recipient's digest is next due: their time of day in their own zone, every day or on their weekday. Worked
 * out on the local calendar, so a digest at 08:00 stays at 08:00 across a daylight-saving change. A time that does not
 * exist on the change day (02:30 when clocks jump from 02:00 to 03:00) moves forward by the gap, as
 * {@link ZonedDateTime#of} does; a time that exists twice (the autumn hour) is taken the first time.
 */
public final class DigestSchedule {

    private DigestSchedule() {
    }

    /** @return the first digest time strictly after {@code after}, null for {@link DigestFrequency#NONE} */
    public static Instant next(DigestFrequency frequency, DayOfWeek weekday, LocalTime time, ZoneId zone, Instant after) {
        if (frequency == DigestFrequency.NONE) {
            return null;
        }
        LocalDate day = after.atZone(zone).toLocalDate();
        if (frequency == DigestFrequency.WEEKLY) {
            day = day.with(TemporalAdjusters.nextOrSame(weekday));
        }
        Instant candidate = ZonedDateTime.of(day, time, zone).toInstant();
        if (candidate.isAfter(after)) {
            return candidate;
        }
        LocalDate following = frequency == DigestFrequency.WEEKLY ? day.plusWeeks(1) : day.plusDays(1);
        return ZonedDateTime.of(following, time, zone).toInstant();
    }
}
