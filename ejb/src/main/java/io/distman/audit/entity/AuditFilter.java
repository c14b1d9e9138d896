package io.distman.audit.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * What the Email Audit lists. Every part is optional (null or empty means "any").
 *
 * @param raisedBy  the user who raised the email, exactly
 * @param statuses  any of these statuses
 * @param to        a whole address (contains '@' and something on both sides) is matched exactly, so the
 *                  (account, address) index finds it; anything else is a case-insensitive "contains"
 * @param from      created at or after (inclusive)
 * @param until     created before (exclusive): ranges are half-open, so day ranges never overlap
 * @param sort      the column to sort by, default {@link AuditSort#CREATED}
 * @param ascending the sort direction; ties are broken by the delivery id in the same direction
 * @param serialOnly only serial mail (messages of a serial mailing)
 */
public record AuditFilter(String raisedBy, Set<DeliveryStatus> statuses, String to, Instant from, Instant until,
                          AuditSort sort, boolean ascending, boolean serialOnly) implements Serializable {

    public AuditFilter {
        raisedBy = blankToNull(raisedBy);
        to = blankToNull(to);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        sort = sort == null ? AuditSort.CREATED : sort;
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("the end of the date range (" + until + ") is before its start (" + from + ")");
        }
    }

    /** Any mail, serial or not. */
    public AuditFilter(String raisedBy, Set<DeliveryStatus> statuses, String to, Instant from, Instant until,
                       AuditSort sort, boolean ascending) {
        this(raisedBy, statuses, to, from, until, sort, ascending, false);
    }

    /** Everything of the range, newest first. */
    public static AuditFilter between(Instant from, Instant until) {
        return new AuditFilter(null, Set.of(), null, from, until, AuditSort.CREATED, false);
    }

    public AuditFilter withRaisedBy(String value) {
        return new AuditFilter(value, statuses, to, from, until, sort, ascending, serialOnly);
    }

    public AuditFilter withStatuses(Set<DeliveryStatus> value) {
        return new AuditFilter(raisedBy, value, to, from, until, sort, ascending, serialOnly);
    }

    public AuditFilter withTo(String value) {
        return new AuditFilter(raisedBy, statuses, value, from, until, sort, ascending, serialOnly);
    }

    public AuditFilter sortedBy(AuditSort value, boolean asc) {
        return new AuditFilter(raisedBy, statuses, to, from, until, value, asc, serialOnly);
    }

    public AuditFilter withSerialOnly(boolean value) {
        return new AuditFilter(raisedBy, statuses, to, from, until, sort, ascending, value);
    }

    /** True when {@link #to} is a whole address, which is looked up exactly rather than searched for. */
    public boolean toIsAddress() {
        if (to == null) {
            return false;
        }
        int at = to.lastIndexOf('@');
        return at > 0 && at < to.length() - 1 && to.indexOf(' ') < 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
