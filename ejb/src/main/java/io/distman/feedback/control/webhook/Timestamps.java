package io.distman.feedback.control.webhook;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Provider timestamps: epoch seconds (possibly fractional) or ISO-8601 with offset. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant fromEpochSeconds(String value) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    static Instant fromIso(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeException ignored) {
                return null;
            }
        }
    }
}
