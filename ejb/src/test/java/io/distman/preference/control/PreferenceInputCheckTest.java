package io.distman.preference.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distman.platform.entity.FieldError;
import io.distman.preference.entity.DigestFrequency;
import io.distman.preference.entity.PreferenceInput;
import io.distman.preference.entity.PreferenceRefusedException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal of a preference names its field; a digest's settings are dropped when there is no digest. */
class PreferenceInputCheckTest {

    private static List<String> refused(PreferenceInput input) {
        return assertThrows(PreferenceRefusedException.class, () -> PreferenceInputCheck.check(input)).errors().stream()
                .map(FieldError::field).toList();
    }

    @Test
    void eachBadFieldIsNamed() {
        assertEquals(List.of("optedOut"), refused(new PreferenceInput(null, "NONE", null, null, null)));
        assertEquals(List.of("digest"), refused(new PreferenceInput(false, "HOURLY", null, null, null)));
        assertEquals(List.of("digestWeekday", "digestTime", "digestZone"),
                refused(new PreferenceInput(false, "WEEKLY", "Funday", "25:00", "Mars/Olympus")));
        assertEquals(List.of("digestTime", "digestZone"), refused(new PreferenceInput(false, "DAILY", null, "", null)));
        assertEquals(List.of("request"), refused(null));
    }

    @Test
    void aWeeklyDigestIsRead() {
        PreferenceInputCheck.Checked c = PreferenceInputCheck.check(new PreferenceInput(true, "weekly", "friday", "07:30",
                "Europe/London"));
        assertEquals(DigestFrequency.WEEKLY, c.digest());
        assertEquals(DayOfWeek.FRIDAY, c.weekday());
        assertEquals(LocalTime.of(7, 30), c.time());
        assertEquals("Europe/London", c.zone().getId());
    }

    @Test
    void withoutADigestItsSettingsAreDropped() {
        PreferenceInputCheck.Checked c = PreferenceInputCheck.check(new PreferenceInput(true, null, "MONDAY", "bad", "bad"));
        assertEquals(DigestFrequency.NONE, c.digest());
        assertNull(c.weekday());
        assertNull(c.time());
        assertNull(c.zone());
    }
}
