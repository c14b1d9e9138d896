package io.distman.audit.control;

import io.distman.audit.entity.AuditFilter;
import io.distman.message.boundary.AddressCheck;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The WHERE clause of an audit query, built from fixed fragments with every value bound as a parameter.
 * Not a named query because the filter is dynamic (each part optional); the account is always the first
 * condition, so no audit query can read another account's mail.
 */
public final class AuditQuery {

    private final StringBuilder where = new StringBuilder(" WHERE d.accountId = :accountId");
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public AuditQuery(long accountId, AuditFilter filter) {
        parameters.put("accountId", accountId);
        if (filter.raisedBy() != null) {
            and("d.raisedBy = :raisedBy", "raisedBy", filter.raisedBy());
        }
        if (!filter.statuses().isEmpty()) {
            and("d.status IN :statuses", "statuses", filter.statuses());
        }
        if (filter.toIsAddress()) {
            // Stored addresses have their domain lower-cased; the same normalisation makes the lookup exact.
            and("d.address = :to", "to", AddressCheck.normalise(filter.to()));
        } else if (filter.to() != null) {
            and("LOWER(d.address) LIKE :to ESCAPE '\\'", "to", "%" + likeEscaped(filter.to().toLowerCase(Locale.ROOT)) + "%");
        }
        if (filter.from() != null) {
            and("d.createdAt >= :from", "from", filter.from());
        }
        if (filter.until() != null) {
            and("d.createdAt < :until", "until", filter.until());
        }
        if (filter.serialOnly()) {
            // the message's mailing: a join the plain audit (and its count) does without, so only when asked for
            where.append(" AND d.message.serialMailingId IS NOT NULL");
        }
    }

    /** Adds a fixed condition (never user text) with its parameter. */
    public AuditQuery and(String condition, String name, Object value) {
        where.append(" AND ").append(condition);
        parameters.put(name, value);
        return this;
    }

    /** Binds one more parameter of a condition added before (a condition may use several). */
    public AuditQuery bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** A user searching for "a_b" or "50%" means those characters, not LIKE's wildcards. */
    public static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
