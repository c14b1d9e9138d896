package io.distman.audit.boundary;

import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditSort;
import io.distman.message.entity.DeliveryStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit's filter as URL parameters, shared by the page's view parameters (links from the workbench)
 * and the export servlet: {@code status} (repeatable), {@code from} and {@code to} (ISO dates, inclusive,
 * in the server's zone), {@code raisedBy}, {@code address} (whole address or part of one), {@code sort},
 * {@code asc} and {@code serial=true} (serial mail only). The contract also allows {@code to=part-of-address}: a {@code to} that is not a date
 * is taken as the address. None of these carries the account, which is always the signed-in user's.
 */
public record AuditParameters(String raisedBy, Set<DeliveryStatus> statuses, String address, LocalDate from,
                              LocalDate to, AuditSort sort, boolean ascending, boolean serialOnly) {

    /** Any mail, serial or not: the links of other screens. */
    public AuditParameters(String raisedBy, Set<DeliveryStatus> statuses, String address, LocalDate from, LocalDate to,
                           AuditSort sort, boolean ascending) {
        this(raisedBy, statuses, address, from, to, sort, ascending, false);
    }

    /**
     * The zone of the audit's dates (the server's): whole days of this zone are what "today" and the
     * workbench's "yesterday" mean, so every screen that links here takes its days from this.
     */
    public static ZoneId zone() {
        return ZoneId.systemDefault();
    }

    /** One day of the given statuses: the workbench's links, e.g. yesterday's FAILED. */
    public static AuditParameters day(LocalDate day, Set<DeliveryStatus> statuses) {
        return new AuditParameters(null, statuses, null, day, day, AuditSort.CREATED, false);
    }

    /** @throws IllegalArgumentException naming the parameter that is not understood */
    public static AuditParameters parse(Map<String, String[]> parameters, LocalDate today) {
        Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
        for (String status : values(parameters, "status")) {
            try {
                statuses.add(DeliveryStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown status '" + status + "'", e);
            }
        }
        String address = first(parameters, "address");
        LocalDate from = date(parameters, "from");
        LocalDate to = null;
        String toValue = first(parameters, "to");
        if (toValue != null && toValue.matches("\\d{4}-\\d{2}-\\d{2}")) {
            to = date(parameters, "to");
        } else if (toValue != null && address == null) {
            address = toValue;
        }
        // Without dates the audit shows today; with one date only, that one day.
        if (from == null && to == null) {
            from = today;
            to = today;
        } else if (from == null) {
            from = to;
        } else if (to == null) {
            to = from;
        }
        AuditSort sort = AuditSort.CREATED;
        String sortValue = first(parameters, "sort");
        if (sortValue != null) {
            try {
                sort = AuditSort.valueOf(sortValue.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown sort '" + sortValue + "'", e);
            }
        }
        return new AuditParameters(first(parameters, "raisedBy"), statuses, address, from, to, sort,
                "true".equalsIgnoreCase(first(parameters, "asc")), "true".equalsIgnoreCase(first(parameters, "serial")));
    }

    /** The filter of these parameters; the dates become a half-open range of whole days in {@code zone}. */
    public AuditFilter filter(ZoneId zone) {
        return new AuditFilter(raisedBy, statuses, address, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), sort, ascending, serialOnly);
    }

    /** The query string that {@link #parse} reads back. */
    public String query() {
        List<String> parts = new ArrayList<>();
        statuses.stream().sorted().forEach(s -> parts.add("status=" + s.name()));
        add(parts, "from", from == null ? null : from.toString());
        add(parts, "to", to == null ? null : to.toString());
        add(parts, "raisedBy", raisedBy);
        add(parts, "address", address);
        add(parts, "sort", sort == null ? null : sort.name());
        if (ascending) {
            parts.add("asc=true");
        }
        if (serialOnly) {
            parts.add("serial=true");
        }
        return parts.stream().collect(Collectors.joining("&"));
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static LocalDate date(Map<String, String[]> parameters, String name) {
        String value = first(parameters, name);
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date like 2026-11-22, not '" + value + "'", e);
        }
    }

    private static String first(Map<String, String[]> parameters, String name) {
        List<String> values = values(parameters, name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> values(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        List<String> present = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                present.add(v);
            }
        }
        return present;
    }
}
