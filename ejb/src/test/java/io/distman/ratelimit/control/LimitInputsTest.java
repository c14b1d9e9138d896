package io.distman.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.distman.ratelimit.entity.InvalidLimitException;
import org.junit.jupiter.api.Test;

class LimitInputsTest {

    @Test
    void domainsAreStoredInTheFormDeliveriesAreMatchedIn() {
        assertEquals("gmail.com", LimitInputs.domain("domain", " GMail.COM. "));
        assertEquals("xn--mnchen-3ya.de", LimitInputs.domain("domain", "münchen.de"));
        assertEquals("xn--mnchen-3ya.de", LimitInputs.normalised("MÜNCHEN.de"));
    }

    @Test
    void whatIsNoDomainIsRefusedNamingTheField() {
        for (String bad : new String[] {"", "gmail", "192.168.0.1", "a@gmail.com", "gmail..com", "-x.com", "x_y.com"}) {
            InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> LimitInputs.domain("domain", bad), bad);
            assertEquals("domain", e.error().field());
        }
    }

    @Test
    void boundsArePositiveAndBelowTheirMaximum() {
        assertEquals(500, LimitInputs.bound("recipientsPerHour", 500, LimitInputs.MAX_PER_HOUR));
        assertNull(LimitInputs.optionalBound("messagesPerSecond", null, LimitInputs.MAX_PER_SECOND));
        assertEquals("messagesPerSecond", assertThrows(InvalidLimitException.class,
                () -> LimitInputs.optionalBound("messagesPerSecond", 0, LimitInputs.MAX_PER_SECOND)).error().field());
        assertEquals("recipientsPerConnection", assertThrows(InvalidLimitException.class,
                () -> LimitInputs.bound("recipientsPerConnection", -3, LimitInputs.MAX_PER_CONNECTION)).error().field());
        assertEquals("recipientsPerHour", assertThrows(InvalidLimitException.class,
                () -> LimitInputs.bound("recipientsPerHour", null, LimitInputs.MAX_PER_HOUR)).error().field());
        assertThrows(InvalidLimitException.class, () -> LimitInputs.bound("x", LimitInputs.MAX_PER_HOUR + 1, LimitInputs.MAX_PER_HOUR));
    }
}
