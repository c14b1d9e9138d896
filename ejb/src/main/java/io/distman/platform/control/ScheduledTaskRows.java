package io.distman.platform.control;

import io.distman.platform.entity.ScheduledTask;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The rows of {@link ScheduledTask}, each change in a transaction of its own: a lease is taken or given back
 * when that commits, never later with the job's own work (which may roll back or run for minutes).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduledTaskRows {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /**
     * One conditional update: the lease is free, expired or already {@code me}'s, and the last run began no later
     * than {@code startedBefore}. Two servers at once: the database lets one update change the row, and the other's
     * re-checked condition no longer holds (PostgreSQL's read committed re-evaluates it; Derby locks the row).
     *
     * @return whether {@code me} holds the lease now
     */
    public boolean take(String name, String me, Instant now, Instant until, Instant startedBefore) {
        return em.createNamedQuery(ScheduledTask.TAKE).setParameter("name", name).setParameter("me", me)
                .setParameter("now", now).setParameter("until", until).setParameter("startedBefore", startedBefore)
                .executeUpdate() == 1;
    }

    /** A job's first row; two servers creating it at once collide on the primary key (the caller's retry takes it). */
    public void create(String name) {
        if (em.find(ScheduledTask.class, name) == null) {
            em.persist(new ScheduledTask(name));
            em.flush();
        }
    }

    /** Gives the lease back (when {@code me} still holds it): the next server's tick need not wait for it to expire. */
    public void release(String name, String me) {
        em.createNamedQuery(ScheduledTask.RELEASE).setParameter("name", name).setParameter("me", me).executeUpdate();
    }

    public ScheduledTask find(String name) {
        return em.find(ScheduledTask.class, name);
    }
}
