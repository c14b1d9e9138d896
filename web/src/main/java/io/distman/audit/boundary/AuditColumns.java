package io.distman.audit.boundary;

import io.distman.audit.entity.AuditRow;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The columns of both exports, in the order of the screen, so Excel and PDF always agree; the status in
 * words as on the screen, and its code last, for whoever filters or matches exports by machine.
 */
public final class AuditColumns {

    public static final List<String> HEADERS = List.of("Date/time", "Raised by", "Recipient", "Subject", "Source", "Status",
            "Status time", "Status code");

    /** The columns holding times (the workbook writes them as dates): Date/time and Status time. */
    public static final int CREATED_COLUMN = 0;
    public static final int STATUS_TIME_COLUMN = 6;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AuditColumns() {
    }

    /** The row as text (times in {@code zone}), column by column. */
    public static List<String> text(AuditRow row, ZoneId zone) {
        return List.of(time(row.createdAt(), zone), nullToEmpty(row.raisedBy()), nullToEmpty(row.address()),
                nullToEmpty(row.subject()), row.source(), row.status().label(), time(row.statusAt(), zone), row.status().name());
    }

    /** A time as the screen and the exports show it: to the second, in {@code zone}. */
    public static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
