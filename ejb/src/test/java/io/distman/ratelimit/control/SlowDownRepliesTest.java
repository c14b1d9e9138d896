package io.distman.ratelimit.control;

import static io.distman.ratelimit.control.SlowDownReplies.asksToSlowDown;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlowDownRepliesTest {

    @Test
    void fourTwentyOneBacksOffTheDomain() {
        assertTrue(asksToSlowDown(421, null, "421 Service not available, closing transmission channel"));
        assertTrue(asksToSlowDown(421, "4.7.28", "421-4.7.28 Our system has detected an unusual rate of unsolicited mail"));
    }

    @Test
    void aPolicyCodeAboutRatesBacksOffTheDomain() {
        assertTrue(asksToSlowDown(450, "4.7.1", "450 4.7.1 Too many connections from your IP"));
        assertTrue(asksToSlowDown(451, "4.7.0", "451 4.7.0 Temporary server error. Rate limit exceeded"));
        assertTrue(asksToSlowDown(null, "4.7.1", "4.7.1 Message throttled"));
    }

    @Test
    void otherTemporaryRepliesConcernOnlyTheirMessage() {
        assertFalse(asksToSlowDown(450, "4.7.1", "450 4.7.1 Greylisted, please try again later"));
        assertFalse(asksToSlowDown(452, "4.2.2", "452 4.2.2 Mailbox full"));
        assertFalse(asksToSlowDown(451, "4.3.0", "451 4.3.0 Too many recipients? no: local error"));
        assertFalse(asksToSlowDown(550, "5.7.1", "550 5.7.1 Rate limit exceeded, message refused"));
        assertFalse(asksToSlowDown(null, null, "Connection refused"));
    }
}
