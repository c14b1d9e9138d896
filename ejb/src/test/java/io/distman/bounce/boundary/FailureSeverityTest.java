package io.distman.bounce.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.distman.bounce.boundary.FailureSeverity.Permanence;
import org.junit.jupiter.api.Test;

class FailureSeverityTest {

    @Test
    void addressingFailuresCondemnTheAddress() {
        for (String code : new String[] {"5.1.1", "5.1.2", "5.1.3", "5.1.6", "5.1.10", "5.2.1", "5.4.4", " 5.1.1 "}) {
            assertTrue(FailureSeverity.condemnsAddress(code), code);
        }
    }

    @Test
    void fullMailboxesPolicyBlocksContentAndTemporaryCodesDoNot() {
        for (String code : new String[] {"5.2.2", "5.7.1", "5.7.26", "5.6.0", "5.3.4", "4.1.1", "4.2.2", "5.0.0", "", null}) {
            assertFalse(FailureSeverity.condemnsAddress(code), String.valueOf(code));
        }
    }

    @Test
    void theEnhancedCodeDecidesTemporaryOrPermanentThenTheReplyCode() {
        assertEquals(Permanence.TEMPORARY, FailureSeverity.permanence("4.2.2", 550));
        assertEquals(Permanence.PERMANENT, FailureSeverity.permanence("5.1.1", 450));
        assertEquals(Permanence.TEMPORARY, FailureSeverity.permanence(null, 421));
        assertEquals(Permanence.PERMANENT, FailureSeverity.permanence("", 554));
        assertEquals(Permanence.PERMANENT, FailureSeverity.permanence(" 5.7.1 ", null));
    }

    @Test
    void noCodeAtAllIsNeitherARefusalNorASuccess() {
        assertEquals(Permanence.UNKNOWN, FailureSeverity.permanence(null, null));
        assertEquals(Permanence.UNKNOWN, FailureSeverity.permanence("", null));
        assertEquals(Permanence.UNKNOWN, FailureSeverity.permanence("2.0.0", 250));
    }
}
