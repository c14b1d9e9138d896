package io.distman.adminlog.boundary;

import io.distman.adminlog.entity.AdminChange;
import io.distman.adminlog.entity.AdminChangeRow;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Writes and reads the admin log. Writing joins the caller's transaction (MANDATORY): the boundary that makes
 * a change records it in the same transaction, so both happen or neither. Reading is for the boundaries that
 * decide who may read (an account's admins; the operator for the installation) — this bean does not know
 * who is calling, which is why it takes the account id from them and is not reached by screens directly.
 */
@Stateless
@PermitAll // called only by other boundaries, which check the caller and the account first
public class AdminLog {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * @param accountId the account changed, or null for the installation itself
     * @param actor     who made the change, as the container authenticated them ({@code Caller.actor()})
     * @param action    what was changed, a short stable name ("user.role", "apikey.revoke", "relay.set")
     * @param subject   which thing (a username, a key prefix, a domain), or null
     * @param before    the value before as a person reads it, never a secret; null when there was none
     * @param after     the value after, never a secret; null when removed
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(Long accountId, String actor, String action, String subject, String before, String after) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        em.persist(new AdminChange(accountId, clock.instant(), actor, action, subject, before, after));
    }

    /** The account's changes, newest first. */
    public List<AdminChangeRow> page(long accountId, int first, int size) {
        return em.createNamedQuery(AdminChange.OF_ACCOUNT, AdminChange.class).setParameter("accountId", accountId)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 500)))
                .getResultStream().map(AdminChangeRow::of).toList();
    }

    public long count(long accountId) {
        return em.createNamedQuery(AdminChange.COUNT_OF_ACCOUNT, Long.class).setParameter("accountId", accountId)
                .getSingleResult();
    }

    /** Every change of the installation (all accounts and the installation's own), newest first: the operator's view. */
    public List<AdminChangeRow> installationPage(int first, int size) {
        return em.createNamedQuery(AdminChange.OF_INSTALLATION, AdminChange.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 500)))
                .getResultStream().map(AdminChangeRow::of).toList();
    }

    public long installationCount() {
        return em.createNamedQuery(AdminChange.COUNT_OF_INSTALLATION, Long.class).getSingleResult();
    }
}
