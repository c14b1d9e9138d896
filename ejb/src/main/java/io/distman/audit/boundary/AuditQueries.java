package io.distman.audit.boundary;

import io.distman.audit.control.AuditQuery;
import io.distman.audit.entity.AuditFilter;
import io.distman.audit.entity.AuditRow;
import io.distman.audit.entity.AuditSort;
import io.distman.platform.boundary.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit's reads: DTO rows by constructor expression (nothing enters the persistence context, so a
 * long export keeps memory flat), an exact count without the message join, and keyset batches for exports.
 */
@Dependent
public class AuditQueries {

    /** Rows per round trip of an export: large enough to be cheap, small enough to keep memory flat. */
    static final int BATCH = 1000;

    private static final String ROW = "SELECT NEW io.distman.audit.entity.AuditRow(d.id, m.id, d.createdAt, d.raisedBy, "
            + "d.address, m.subject, m.sourceModule, m.sourceRef, m.serialMailingId, d.status, d.statusAt) FROM Delivery d JOIN d.message m";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    public List<AuditRow> page(long accountId, AuditFilter filter, int first, int size) {
        return page(ROW, AuditRow.class, accountId, filter, first, size);
    }

    /**
     * One page of another screen's rows under the audit's filter, scope and order (the Queue shows more
     * columns of the same deliveries): {@code select} is a fixed {@code SELECT NEW ... FROM Delivery d JOIN
     * d.message m}, never user text.
     */
    public <R> List<R> page(String select, Class<R> type, long accountId, AuditFilter filter, int first, int size) {
        if (first < 0 || size < 1) {
            throw new IllegalArgumentException("a page needs first >= 0 and size >= 1, not " + first + "/" + size);
        }
        AuditQuery query = new AuditQuery(accountId, filter);
        planForTheValues(filter);
        String direction = filter.ascending() ? " ASC" : " DESC";
        // The id breaks ties, so a row never shows on two pages or none when many share a time or status.
        String order = " ORDER BY " + filter.sort().path() + direction + ", d.id" + direction;
        return rows(select, type, query, order).setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(long accountId, AuditFilter filter) {
        AuditQuery query = new AuditQuery(accountId, filter);
        planForTheValues(filter);
        // COUNT of a column every audit index starts with (NOT NULL, so the same number as COUNT(d)): PostgreSQL
        // then counts from the index alone; COUNT(d) becomes COUNT(id), which sends it to the table for each row.
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(d.accountId) FROM Delivery d" + query.where(), Long.class);
        query.parameters().forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * Every row of the filter, in batches that continue after the last row seen (created, id) instead of
     * an OFFSET, so the last batch of a large export costs what the first did. Ordered by the time the
     * email was raised, in the filter's direction when it sorts by that, newest first otherwise.
     */
    public void stream(long accountId, AuditFilter filter, Consumer<AuditRow> sink) {
        boolean ascending = filter.sort() == AuditSort.CREATED && filter.ascending();
        String direction = ascending ? " ASC" : " DESC";
        String order = " ORDER BY d.createdAt" + direction + ", d.id" + direction;
        // The first condition repeats what the OR implies, as a plain range the index can seek to: with the OR
        // alone, every batch re-read all rows of the batches before it from the index and threw them away.
        String after = ascending ? "d.createdAt >= :lastAt AND (d.createdAt > :lastAt OR (d.createdAt = :lastAt AND d.id > :lastId))"
                : "d.createdAt <= :lastAt AND (d.createdAt < :lastAt OR (d.createdAt = :lastAt AND d.id < :lastId))";
        AuditRow last = null;
        while (true) {
            AuditQuery query = new AuditQuery(accountId, filter);
            if (last != null) {
                query.and(after, "lastAt", last.createdAt()).bind("lastId", last.deliveryId());
            }
            List<AuditRow> batch = rows(ROW, AuditRow.class, query, order).setMaxResults(BATCH).getResultList();
            batch.forEach(sink);
            if (batch.size() < BATCH) {
                return;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    /**
     * A search for part of an address is planned for the text searched, with room for an exact bitmap, in
     * this transaction only (set_config(..., true) is SET LOCAL). After a statement has run five times the
     * driver prepares it on the server, and PostgreSQL may then reuse a generic plan made without the
     * pattern: it ANDs the account's whole range (5 million rows in the benchmark) with the trigram index,
     * 200-350 ms, where the plan for the actual text reads only its matches (7 ms for a count). A common part
     * ("smith": 110,000 rows) needs a bitmap larger than the default 4 MB work_mem, or it turns lossy and
     * rechecks 4 million rows (2-4.5 s instead of 0.6-1.3 s).
     */
    private void planForTheValues(AuditFilter filter) {
        if (filter.to() != null && !filter.toIsAddress() && database.isPostgreSql() && em.isJoinedToTransaction()) {
            em.createNativeQuery("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                    + " set_config('work_mem', '32MB', true)").getSingleResult();
        }
    }

    private <R> TypedQuery<R> rows(String select, Class<R> type, AuditQuery query, String order) {
        TypedQuery<R> typed = em.createQuery(select + query.where() + order, type);
        query.parameters().forEach(typed::setParameter);
        return typed;
    }
}
