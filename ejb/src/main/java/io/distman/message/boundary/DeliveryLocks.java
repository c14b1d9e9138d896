package io.distman.message.boundary;

import io.distman.message.entity.Delivery;
import io.distman.platform.boundary.SchemaMigration;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Locks deliveries and reads them fresh, all in id order: a webhook batch, a bounce and the dispatcher
 * may report on one delivery at once, and two batches locking the same rows in another order would
 * deadlock. On PostgreSQL with one statement per 500 ids, elsewhere one row at a time because Derby
 * refuses FOR UPDATE on an ordered query.
 */
@Dependent
public class DeliveryLocks {

    public static final int IDS_PER_QUERY = 500;
    /** EclipseLink's hint (its API is not on the compile path): re-read rows already in the persistence context. */
    private static final String REFRESH = "eclipselink.refresh";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    SchemaMigration database;

    /** {@code values} in runs of {@link #IDS_PER_QUERY}: the longest IN list a statement of this feature takes. */
    public static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
            chunks.add(values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }

    public List<Delivery> lockAndLoad(Collection<Long> ids) {
        List<Delivery> loaded = new ArrayList<>();
        for (List<Long> chunk : chunks(ids.stream().sorted().distinct().toList())) {
            if (database.isPostgreSql()) {
                lockRows(chunk);
            }
            List<Delivery> rows = em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class).setParameter("ids", chunk)
                    .setHint(REFRESH, "TRUE").getResultList();
            if (!database.isPostgreSql()) {
                rows.stream().sorted(Comparator.comparing(Delivery::getId))
                        .forEach(d -> em.lock(d, LockModeType.PESSIMISTIC_WRITE));
            }
            loaded.addAll(rows);
        }
        return loaded;
    }

    private void lockRows(List<Long> sortedIds) {
        StringBuilder sql = new StringBuilder("SELECT id FROM delivery WHERE id IN (");
        for (int i = 1; i <= sortedIds.size(); i++) {
            sql.append(i == 1 ? "?" : ", ?").append(i);
        }
        Query lock = em.createNativeQuery(sql.append(") ORDER BY id FOR UPDATE").toString());
        for (int i = 0; i < sortedIds.size(); i++) {
            lock.setParameter(i + 1, sortedIds.get(i));
        }
        lock.getResultList();
    }
}
