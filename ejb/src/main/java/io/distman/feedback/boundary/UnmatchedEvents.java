package io.distman.feedback.boundary;

import io.distman.feedback.entity.ReceivedEvent;
import io.distman.feedback.entity.ResultPage;
import io.distman.feedback.entity.UnmatchedEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Provider events that matched no delivery, for support, newest first: an account's own (those that
 * came to its webhook URL), and those of the installation's URLs, which belong to no account and are
 * for the installation's support users only. Read-only; the list carries no payload.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class UnmatchedEvents {

    static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public ResultPage<UnmatchedEvent> ofAccount(long accountId, int first, int pageSize) {
        check(first, pageSize);
        return new ResultPage<>(em.createNamedQuery(ReceivedEvent.UNMATCHED_OF_ACCOUNT, UnmatchedEvent.class)
                .setParameter("accountId", accountId).setFirstResult(first).setMaxResults(pageSize).getResultList(),
                first, pageSize, em.createNamedQuery(ReceivedEvent.COUNT_UNMATCHED_OF_ACCOUNT, Long.class)
                .setParameter("accountId", accountId).getSingleResult());
    }

    /** Events of the installation's webhook URLs: not tied to any account, so for installation support only. */
    public ResultPage<UnmatchedEvent> withoutAccount(int first, int pageSize) {
        check(first, pageSize);
        return new ResultPage<>(em.createNamedQuery(ReceivedEvent.UNMATCHED_WITHOUT_ACCOUNT, UnmatchedEvent.class)
                .setFirstResult(first).setMaxResults(pageSize).getResultList(),
                first, pageSize, em.createNamedQuery(ReceivedEvent.COUNT_UNMATCHED_WITHOUT_ACCOUNT, Long.class).getSingleResult());
    }

    /** The provider's JSON of one unmatched event, if it is the given account's ({@code null}: of no account). */
    public Optional<String> payload(Long accountId, long eventId) {
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
