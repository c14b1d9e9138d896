package io.distman.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final Instant RETIRED = Instant.parse("2026-09-01T00:00:00Z");

    @Test
    void aRetiredKeyVerifiesUntilItsValidityAfterRetirementHasPassed() {
        Duration validity = Secrets.DEFAULT_OLD_KEY_VALIDITY;
        assertTrue(Secrets.stillVerifies(null, RETIRED.plus(Duration.ofDays(5000)), validity), "the current key");
        assertTrue(Secrets.stillVerifies(RETIRED, RETIRED.plus(Duration.ofDays(89)), validity));
        assertFalse(Secrets.stillVerifies(RETIRED, RETIRED.plus(Duration.ofDays(90)), validity));
        assertFalse(Secrets.stillVerifies(RETIRED, RETIRED.plus(Duration.ofDays(91)), validity));
        assertFalse(Secrets.stillVerifies(RETIRED, RETIRED, Duration.ZERO), "validity 0: retired keys stop at once");
    }
}
