package io.distman.ratelimit.control;

import io.distman.platform.boundary.SchemaMigration;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The connections open to a relay across all instances, as slots in table relay_connection: a sender takes a free
 * slot (or one whose holder's lease has run out: a crashed sender) before it connects and frees it after. Each
 * step commits on its own, so no transaction stays open while mail is sent.
 */
@Stateless
@PermitAll // the dispatch job's sender, through SendBudget
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ConnectionSlots {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    /** @return the slot taken for {@code holder}, or null when all {@code max} are in use */
    public Integer take(String scope, int max, String holder, Instant now, Instant leaseUntil) {
        long rows = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM relay_connection WHERE scope = ?")
                .setParameter(1, scope).getSingleResult()).longValue();
        if (rows < max) {
            for (int slot = 0; slot < max; slot++) {
                create(scope, slot);
            }
        }
        for (int slot = 0; slot < max; slot++) {
            int taken = em.createNativeQuery("UPDATE relay_connection SET holder = ?, lease_until = ? WHERE scope = ?"
                            + " AND slot = ? AND (holder IS NULL OR lease_until < ?)")
                    .setParameter(1, holder).setParameter(2, Timestamp.from(leaseUntil)).setParameter(3, scope)
                    .setParameter(4, slot).setParameter(5, Timestamp.from(now)).executeUpdate();
            if (taken == 1) {
                return slot;
            }
        }
        return null;
    }

    public void free(String scope, int slot, String holder) {
        em.createNativeQuery("UPDATE relay_connection SET holder = NULL, lease_until = NULL WHERE scope = ? AND slot = ?"
                        + " AND holder = ?")
                .setParameter(1, scope).setParameter(2, slot).setParameter(3, holder).executeUpdate();
    }

    private void create(String scope, int slot) {
        // As in WindowCounters: PostgreSQL lets concurrent instances create the same slot without an error.
        String sql = database.isPostgreSql()
                ? "INSERT INTO relay_connection (scope, slot) VALUES (?, ?) ON CONFLICT DO NOTHING"
                : "INSERT INTO relay_connection (scope, slot) SELECT CAST(? AS VARCHAR(300)), CAST(? AS INTEGER)"
                + " FROM SYSIBM.SYSDUMMY1 WHERE NOT EXISTS (SELECT 1 FROM relay_connection WHERE scope = ? AND slot = ?)";
        var insert = em.createNativeQuery(sql).setParameter(1, scope).setParameter(2, slot);
        if (!database.isPostgreSql()) {
            insert.setParameter(3, scope).setParameter(4, slot);
        }
        insert.executeUpdate();
    }
}
