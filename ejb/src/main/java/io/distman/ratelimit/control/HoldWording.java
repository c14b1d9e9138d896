package io.distman.ratelimit.control;

import io.distman.ratelimit.entity.DomainBackoff;
import io.distman.ratelimit.entity.DomainLimit;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The Queue's words for a held delivery: which limit, and when it goes ("held: gmail.com limit 500/h, next slot 10:40"). */
@Dependent
public class HoldWording {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Clock clock;

    public String limited(DomainLimit limit, Instant slot) {
        return "held: " + limit.getDomain() + " limit " + limit.getRecipientsPerHour() + "/h, next slot " + when(slot);
    }

    public String backedOff(DomainBackoff backoff) {
        return "held: " + backoff.getDomain() + " asked to slow down"
                + (backoff.getReply() == null ? "" : " (" + clip(backoff.getReply()) + ")") + ", next try " + when(backoff.getUntil());
    }

    /** In the server's zone, as the Queue's other times; the day only when it is not today. */
    String when(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.systemDefault());
        return local.toLocalDate().equals(LocalDate.now(clock.withZone(ZoneId.systemDefault()))) ? TIME.format(local)
                : DAY_TIME.format(local);
    }

    private static String clip(String reply) {
        String line = reply.strip().replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
