package io.distman.ratelimit.control;

import io.distman.platform.boundary.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared counters behind every limit: how many were taken in a scope's window, in table send_window, so
 * that all instances spend one budget. A take locks the window's row for the rest of the caller's transaction
 * (a claim: milliseconds), which is what makes two instances' takes add up instead of overtaking each other.
 */
@Dependent
public class WindowCounters {

    /** Windows older than this are of no use to any limit (the longest period is an hour) and are removed. */
    static final Duration KEEP = Duration.ofDays(1);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    /** Takes up to {@code wanted} of the window's {@code quota}. @return how many were granted (0 when it is full) */
    public int take(String scope, Instant windowStart, int wanted, int quota) {
        Timestamp start = Timestamp.from(windowStart);
        if (created(scope, start)) {
            em.createNativeQuery("DELETE FROM send_window WHERE window_start < ?")
                    .setParameter(1, Timestamp.from(windowStart.minus(KEEP))).executeUpdate();
        }
        // Lock the row first, so the count read next cannot change before this transaction ends.
        em.createNativeQuery("UPDATE send_window SET used = used WHERE scope = ? AND window_start = ?")
                .setParameter(1, scope).setParameter(2, start).executeUpdate();
        int used = ((Number) em.createNativeQuery("SELECT used FROM send_window WHERE scope = ? AND window_start = ?")
                .setParameter(1, scope).setParameter(2, start).getSingleResult()).intValue();
        int granted = Math.max(0, Math.min(wanted, quota - used));
        if (granted > 0) {
            em.createNativeQuery("UPDATE send_window SET used = used + ? WHERE scope = ? AND window_start = ?")
                    .setParameter(1, granted).setParameter(2, scope).setParameter(3, start).executeUpdate();
        }
        return granted;
    }

    /** How much is taken in the scope's windows from {@code from} on, by window start (windows never used are absent). */
    public Map<Instant, Integer> usedFrom(String scope, Instant from) {
        Map<Instant, Integer> used = new TreeMap<>();
        for (Object row : em.createNativeQuery("SELECT window_start, used FROM send_window WHERE scope = ? AND window_start >= ?")
                .setParameter(1, scope).setParameter(2, Timestamp.from(from)).getResultList()) {
            Object[] columns = (Object[]) row;
            used.put(((Timestamp) columns[0]).toInstant(), ((Number) columns[1]).intValue());
        }
        return used;
    }

    private boolean created(String scope, Timestamp start) {
        // PostgreSQL: instances may create the same window at once; ON CONFLICT lets one win without an error
        // (which would abort the transaction). Derby runs one instance, and its claims are serialised anyway.
        String sql = database.isPostgreSql()
                ? "INSERT INTO send_window (scope, window_start, used) VALUES (?, ?, 0) ON CONFLICT DO NOTHING"
                : "INSERT INTO send_window (scope, window_start, used) SELECT CAST(? AS VARCHAR(300)), CAST(? AS TIMESTAMP), 0"
                + " FROM SYSIBM.SYSDUMMY1"
                + " WHERE NOT EXISTS (SELECT 1 FROM send_window WHERE scope = ? AND window_start = ?)";
        var insert = em.createNativeQuery(sql).setParameter(1, scope).setParameter(2, start);
        if (!database.isPostgreSql()) {
            insert.setParameter(3, scope).setParameter(4, start);
        }
        return insert.executeUpdate() == 1;
    }
}
