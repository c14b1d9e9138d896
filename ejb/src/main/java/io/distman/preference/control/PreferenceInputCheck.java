package io.distman.preference.control;

import io.distman.platform.entity.FieldError;
import io.distman.preference.entity.DigestFrequency;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceRefusedException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what support staff sent for an address into checked values, or refuses naming every bad field. A digest needs
 * a time of day and a zone, a weekly one also its weekday; without a digest those are dropped, not kept half-set.
 */
public final class PreferenceInputCheck {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The checked preference; weekday, time and zone are null without a digest (the weekday also for DAILY). */
    public record Checked(boolean optedOut, DigestFrequency digest, DayOfWeek weekday, LocalTime time, ZoneId zone) {
    }

    private PreferenceInputCheck() {
    }

    public static Checked check(PreferenceInput input) {
        if (input == null) {
            throw new PreferenceRefusedException(List.of(new FieldError("request", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (input.optedOut() == null) {
            errors.add(new FieldError("optedOut", "is required: true or false"));
        }
        DigestFrequency digest = frequency(input.digest(), errors);
        DayOfWeek weekday = null;
        LocalTime time = null;
        ZoneId zone = null;
        if (digest == DigestFrequency.WEEKLY) {
            weekday = weekday(input.digestWeekday(), errors);
        }
        if (digest == DigestFrequency.DAILY || digest == DigestFrequency.WEEKLY) {
            time = time(input.digestTime(), errors);
            zone = zone(input.digestZone(), errors);
        }
        if (!errors.isEmpty()) {
            throw new PreferenceRefusedException(errors);
        }
        return new Checked(input.optedOut(), digest, weekday, time, zone);
    }

    private static DigestFrequency frequency(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return DigestFrequency.NONE;
        }
        try {
            return DigestFrequency.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("digest", "must be NONE, DAILY or WEEKLY"));
            return null;
        }
    }

    private static DayOfWeek weekday(String value, List<FieldError> errors) {
        try {
            if (value != null && !value.isBlank()) {
                return DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        errors.add(new FieldError("digestWeekday", "is required for a weekly digest: MONDAY to SUNDAY"));
        return null;
    }

    private static LocalTime time(String value, List<FieldError> errors) {
        try {
            if (value != null && !value.isBlank()) {
                return LocalTime.parse(value.strip(), HH_MM);
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        errors.add(new FieldError("digestTime", "is required for a digest: a time of day as HH:mm, e.g. 08:00"));
        return null;
    }

    private static ZoneId zone(String value, List<FieldError> errors) {
        try {
            if (value != null && !value.isBlank() && value.strip().length() <= 64) {
                return ZoneId.of(value.strip());
            }
        } catch (DateTimeException e) {
            // refused below
        }
        errors.add(new FieldError("digestZone", "is required for a digest: a time zone such as Europe/London"));
        return null;
    }

    public static String hhmm(LocalTime time) {
        return time == null ? null : HH_MM.format(time);
    }
}
