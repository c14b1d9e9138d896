package io.distman.feedback.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.boundary.Installation;
import io.distman.feedback.entity.ReceivedEvent;
import io.distman.feedback.entity.ResultPage;
import io.distman.feedback.entity.UnmatchedEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Provider events that matched no delivery, newest first: an account's own (those that came to its webhook
 * URL), for support staff who may act for that account (their own, or one granted to them); and those of the
 * installation's URLs, which belong to no account and may name any agency's recipients, for the installation's
 * operators only. Read-only; the list carries no payload.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@RolesAllowed("support") // support staff's diagnosis of provider events; agents and admins have no use for raw events
public class UnmatchedEvents {

    static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Callers callers;

    @Resource
    SessionContext context;

    public ResultPage<UnmatchedEvent> ofAccount(long accountId, int first, int pageSize) {
        callers.forAccount(accountId);
        check(first, pageSize);
        return new ResultPage<>(em.createNamedQuery(ReceivedEvent.UNMATCHED_OF_ACCOUNT, UnmatchedEvent.class)
                .setParameter("accountId", accountId).setFirstResult(first).setMaxResults(pageSize).getResultList(),
                first, pageSize, em.createNamedQuery(ReceivedEvent.COUNT_UNMATCHED_OF_ACCOUNT, Long.class)
                .setParameter("accountId", accountId).getSingleResult());
    }

    /**
     * Events of the installation's webhook URLs: not tied to any account, so no account check can apply, and an
     * event there may be about any agency's mail (a forged or stray one names whatever it likes). So not for an
     * agency's support staff, whose reach is their granted accounts, but for the installation's operators.
     */
    @RolesAllowed(Installation.OPERATOR)
    public ResultPage<UnmatchedEvent> withoutAccount(int first, int pageSize) {
        check(first, pageSize);
        return new ResultPage<>(em.createNamedQuery(ReceivedEvent.UNMATCHED_WITHOUT_ACCOUNT, UnmatchedEvent.class)
                .setFirstResult(first).setMaxResults(pageSize).getResultList(),
                first, pageSize, em.createNamedQuery(ReceivedEvent.COUNT_UNMATCHED_WITHOUT_ACCOUNT, Long.class).getSingleResult());
    }

    /**
     * The provider's JSON of one unmatched event, if it is the given account's ({@code null}: of no account, which
     * only an operator may read, as {@link #withoutAccount}).
     */
    @RolesAllowed({"support", Installation.OPERATOR})
    public Optional<String> payload(Long accountId, long eventId) {
        if (accountId != null) {
            callers.forAccount(accountId);
        } else if (!context.isCallerInRole(Installation.OPERATOR)) {
            throw new EJBAccessException("the installation's unmatched events are for its operators");
        }
        return em.createNamedQuery(ReceivedEvent.PAYLOAD_OF_UNMATCHED, ReceivedEvent.class).setParameter("id", eventId)
                .getResultStream().filter(e -> Objects.equals(accountId, e.getAccountId())).findFirst()
                .map(ReceivedEvent::getPayload);
    }

    private static void check(int first, int pageSize) {
        if (first < 0 || pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("first must be >= 0 and pageSize 1.." + MAX_PAGE);
        }
    }
}
