package io.distman.ratelimit.boundary;

import io.distman.message.entity.Delivery;
import io.distman.ratelimit.control.ConnectionSlots;
import io.distman.ratelimit.control.DomainAdmission;
import io.distman.ratelimit.control.DomainBackoffs;
import io.distman.ratelimit.control.PaceSlots;
import io.distman.ratelimit.control.WindowedLimit;
import io.distman.ratelimit.entity.AccountRelayLimits;
import io.distman.ratelimit.entity.RelayLimit;
import io.distman.ratelimit.entity.DeliveryHold;
import io.distman.ratelimit.entity.SmtpReply;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the send path asks the limits: which claimed deliveries may go now ({@link #admit}), what the receivers
 * said ({@link #observe}), the relay's limits, pace and connections ({@link #relayLimits}, {@link #pace},
 * {@link #connect}) and, for the Queue, why a delivery waits ({@link #holds}).
 */
@Stateless
@PermitAll // the dispatch job (no caller identity) and the Queue's EJB, which has checked the caller, call it
public class SendBudget {

    /** How often a sender waiting for a connection slot looks again. */
    static final Duration CONNECTION_POLL = Duration.ofMillis(200);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DomainAdmission admission;

    @Inject
    DomainBackoffs backoffs;

    @EJB
    PaceSlots slots;

    @EJB
    ConnectionSlots connections;

    @Inject
    Clock clock;

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

    /**
     * The relay limits of the accounts these deliveries belong to, per delivery id; empty (one query) when
     * none of them has any.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Map<Long, AccountRelayLimits> relayLimits(Collection<Long> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, AccountRelayLimits> limits = new HashMap<>();
        for (Object[] row : em.createNamedQuery(RelayLimit.OF_DELIVERIES, Object[].class)
                .setParameter("ids", List.copyOf(deliveryIds)).getResultList()) {
            RelayLimit limit = (RelayLimit) row[1];
            limits.put(((Number) row[0]).longValue(), new AccountRelayLimits(limit.getAccountId(), limit.view()));
        }
        return limits;
    }

    /**
     * Waits, outside any transaction, until the account's relay may take one more message this second (a
     * window shared by every instance), and takes it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void pace(long accountId, int messagesPerSecond) {
        WindowedLimit window = new WindowedLimit(messagesPerSecond, Duration.ofSeconds(1));
        String scope = "relay:" + accountId;
        while (true) {
            Instant now = clock.instant();
            Instant start = window.windowStart(now);
            if (slots.take(scope, start, window.quota())) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Duration.between(now, window.nextWindow(start)).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits, outside any transaction, until the account's relay has a connection free (of {@code maxConnections}
     * across every instance), and takes it for {@code holder} for at most {@code lease}. @return the slot to free
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int connect(long accountId, int maxConnections, String holder, Duration lease) {
        while (true) {
            Instant now = clock.instant();
            Integer slot = connections.take("relay:" + accountId, maxConnections, holder, now, now.plus(lease));
            if (slot != null) {
                return slot;
            }
            try {
                Thread.sleep(CONNECTION_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a connection to the relay of account " + accountId, e);
            }
        }
    }

    /** Frees a slot {@link #connect} gave. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void disconnected(long accountId, int slot, String holder) {
        connections.free("relay:" + accountId, slot, holder);
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
