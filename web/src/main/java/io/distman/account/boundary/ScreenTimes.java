package io.distman.account.boundary;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on the account screens, to the minute in the server's zone (f:convertDateTime cannot format an Instant by pattern). */
final class ScreenTimes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ScreenTimes() {
    }

    static String format(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(ZoneId.systemDefault()));
    }
}
