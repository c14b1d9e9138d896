package io.distman.workbench.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.audit.boundary.AuditParameters;
import io.distman.audit.entity.AuditFilter;
import io.distman.message.entity.DeliveryStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The widget's link contract: the audit reads a count's link back as that status over the very range that was counted. */
class FailureWidgetLinksTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aCountsLinkIsTheCountedDayAndStatus() {
        LocalDate yesterday = FailureWidgetBean.yesterday(BERLIN);
        AuditFilter counted = AuditParameters.day(yesterday, EnumSet.of(DeliveryStatus.FAILED)).filter(BERLIN);
        String query = AuditParameters.day(yesterday, EnumSet.of(DeliveryStatus.FAILED)).query();

        Map<String, String[]> parameters = new HashMap<>();
        for (String part : query.split("&")) {
            String[] kv = part.split("=", 2);
            parameters.put(kv[0], new String[] {URLDecoder.decode(kv[1], StandardCharsets.UTF_8)});
        }
        AuditParameters opened = AuditParameters.parse(parameters, yesterday.plusDays(1));
        assertEquals(Set.of(DeliveryStatus.FAILED), opened.statuses());
        AuditFilter listed = opened.filter(BERLIN);
        assertEquals(counted.from(), listed.from());
        assertEquals(counted.until(), listed.until());
    }

    @Test
    void yesterdayIsAWholeDayOfTheZoneEvenAcrossAClockChange() {
        // 2026-10-25 in Berlin has 25 hours: the range follows the zone's midnights, not 24 hours.
        AuditFilter day = AuditParameters.day(LocalDate.of(2026, 10, 25), Set.of()).filter(BERLIN);
        assertEquals(Instant.parse("2026-10-24T22:00:00Z"), day.from());
        assertEquals(Instant.parse("2026-10-25T23:00:00Z"), day.until());
    }
}
