package io.distman.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The audit's URL parameters: the workbench's links, and the export links that carry the page's filter. */
class AuditParametersTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void noParametersMeansToday() {
        AuditParameters p = AuditParameters.parse(Map.of(), TODAY);
        assertEquals(TODAY, p.from());
        assertEquals(TODAY, p.to());
        AuditFilter f = p.filter(BERLIN);
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), f.from());
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), f.until(), "inclusive day, half-open instant range");
        assertTrue(f.statuses().isEmpty());
    }

    @Test
    void theWorkbenchLinkIsUnderstood() {
        AuditParameters p = AuditParameters.parse(Map.of("status", new String[] {"FAILED", "complained"},
                "from", new String[] {"2026-11-22"}, "to", new String[] {"2026-11-22"}, "raisedBy", new String[] {"anna"}), TODAY);
        assertEquals(Set.of(DeliveryStatus.FAILED, DeliveryStatus.COMPLAINED), p.statuses());
        assertEquals(LocalDate.of(2026, 11, 22), p.to());
        assertEquals("anna", p.raisedBy());
        assertEquals(null, p.address());
    }

    @Test
    void aToThatIsNotADateIsTheAddress() {
        AuditParameters p = AuditParameters.parse(Map.of("to", new String[] {"olivia@"}), TODAY);
        assertEquals("olivia@", p.address());
        assertEquals(TODAY, p.to());
    }

    @Test
    void theQueryStringReadsBackTheSame() {
        AuditParameters p = new AuditParameters("anna b", Set.of(DeliveryStatus.FAILED, DeliveryStatus.REJECTED), "a&b@x",
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 22), AuditSort.SUBJECT, true, true);
        assertTrue(p.filter(java.time.ZoneOffset.UTC).serialOnly(), "serial only reaches the query");
        Map<String, String[]> parsed = new HashMap<>();
        for (String part : p.query().split("&")) {
            String[] kv = part.split("=", 2);
            String value = java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            parsed.merge(kv[0], new String[] {value}, (a, b) -> java.util.stream.Stream.concat(
                    java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new));
        }
        assertEquals(p, AuditParameters.parse(parsed, TODAY));
    }

    @Test
    void nonsenseIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AuditParameters.parse(Map.of("status", new String[] {"LOST"}), TODAY));
        assertTrue(e.getMessage().contains("LOST"));
        assertThrows(IllegalArgumentException.class, () -> AuditParameters.parse(Map.of("from", new String[] {"22.11.2026"}), TODAY));
        assertThrows(IllegalArgumentException.class, () -> AuditParameters.parse(Map.of("sort", new String[] {"d.id; drop"}), TODAY));
    }

    @Test
    void onlyAWholeAddressIsLookedUpExactly() {
        AuditFilter f = AuditFilter.between(null, null);
        assertTrue(f.withTo("olivia@tenant.example.org").toIsAddress());
        assertFalse(f.withTo("olivia@").toIsAddress());
        assertFalse(f.withTo("@tenant").toIsAddress());
        assertFalse(f.withTo("tenant.example").toIsAddress());
    }
}
