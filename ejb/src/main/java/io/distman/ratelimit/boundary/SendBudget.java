package io.distman.ratelimit.boundary;

import io.distman.message.entity.Delivery;
import io.distman.ratelimit.control.DomainAdmission;
import io.distman.ratelimit.control.DomainBackoffs;
import io.distman.ratelimit.entity.DeliveryHold;
import io.distman.ratelimit.entity.SmtpReply;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the send path asks the limits: which claimed deliveries may go now ({@link #admit}), what the receivers
 * said ({@link #observe}), and, for the Queue, why a delivery waits ({@link #holds}).
 */
@Stateless
@PermitAll // the dispatch job (no caller identity) and the Queue's EJB, which has checked the caller, call it
public class SendBudget {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DomainAdmission admission;

    @Inject
    DomainBackoffs backoffs;

    /**
     * In the claim's transaction, before the claimed deliveries are leased: those over a domain limit or to a
     * backed-off domain are held (next attempt at their slot, no attempt counted, status unchanged).
     *
     * @return the deliveries that may be sent now, in the order given
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Delivery> admit(List<Delivery> claimed, Instant now) {
        return admission.admit(claimed, now);
    }

    /** After a block was sent: a 421 or a 4.7.x "too many" backs off the domain for the account. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void observe(List<SmtpReply> replies) {
        backoffs.observe(replies);
    }

    /** Why each of these deliveries of the account waits, for those a limit holds. */
    public Map<Long, String> holds(long accountId, Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(DeliveryHold.IN_ACCOUNT, DeliveryHold.class).setParameter("accountId", accountId)
                .setParameter("ids", List.copyOf(deliveryIds)).getResultStream()
                .collect(Collectors.toMap(DeliveryHold::getDeliveryId, DeliveryHold::getDetail));
    }
}
