package io.distman.queue.control;

import io.distman.dispatch.boundary.DeliveryClaimer;
import io.distman.dispatch.boundary.DeliveryClaims;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStateException;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.entity.NotFoundException;
import io.distman.ratelimit.boundary.SendBudget;
import io.distman.submission.boundary.DeliveryActions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The Queue's actions on ONE delivery, each in a transaction of its own (so a refusal rolls back only
 * itself), with the row locked by a query that names the account (another account's id is "not found").
 * A refusal is a {@link DeliveryStateException} or {@link NotFoundException} whose message is the short
 * reason the screen shows; the state rules themselves are {@link DeliveryActions}' and the claimer's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueueActions {

    @Inject
    DeliveryClaimer claimer;

    @Inject
    DeliveryActions actions;

    @Inject
    Clock clock;

    @EJB
    SendBudget budget;

    /**
     * Claims the delivery for {@code user} exactly as a dispatch sweep would (lease, suppression re-check,
     * SENDING event); the caller sends it once this transaction has committed.
     *
     * @return empty when it is to be sent, else why not: held by a rate limit (the Queue's hold text, it stays
     * queued) or now suppressed, opted out or held for a digest
     */
    public Optional<String> claimNow(long accountId, long deliveryId, String user) {
        Delivery delivery = allowed(accountId, deliveryId, "not queued",
                (d, now) -> d.getStatus() != DeliveryStatus.PENDING_DIGEST && DeliveryClaimer.claimable(d, now));
        if (!claimer.claimLocked(user, delivery, DeliveryClaims.lease()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (delivery.getStatus()) {
            case SUPPRESSED -> "address is suppressed";
            case OPTED_OUT -> "recipient opted out";
            case PENDING_DIGEST -> "held for the recipient's digest";
            default -> budget.holds(accountId, List.of(deliveryId)).getOrDefault(deliveryId, "held by a rate limit");
        });
    }

    /** A temporary failure becomes due now (PENDING, with the user in the event). */
    public void retryNow(long accountId, long deliveryId, String user) {
        allowed(accountId, deliveryId, "not a temporary failure",
                (d, now) -> d.getStatus() == DeliveryStatus.TEMPORARY_FAILURE && !DeliveryActions.leased(d, now));
        actions.retryNow(accountId, deliveryId, user);
    }

    /** Cancels through the same method as the REST API's cancel (event source USER, "cancelled by user"). */
    public void cancel(long accountId, long deliveryId, String user) {
        allowed(accountId, deliveryId, "not cancellable", DeliveryActions::cancellable);
        actions.cancel(accountId, deliveryId, user);
    }

    /** The delivery, locked, if the action may be done to it; else a refusal with the screen's short reason. */
    private Delivery allowed(long accountId, long deliveryId, String otherwise, BiPredicate<Delivery, Instant> rule) {
        Delivery delivery;
        try {
            delivery = actions.locked(accountId, deliveryId);
        } catch (NotFoundException e) {
            throw new NotFoundException("not found");
        }
        Instant now = clock.instant();
        if (!rule.test(delivery, now)) {
            throw new DeliveryStateException(refusal(delivery, now, otherwise));
        }
        return delivery;
    }

    /**
     * Why an action cannot be done to the delivery in its present state, in the words of the screen;
     * {@code otherwise} for a queued delivery the action does not apply to (a retry of a pending one).
     */
    static String refusal(Delivery delivery, Instant now, String otherwise) {
        if (DeliveryActions.leased(delivery, now)) {
            return "being sent";
        }
        return switch (delivery.getStatus()) {
            case SENDING -> "being sent";
            case ACCEPTED, DELIVERED, OPENED, CLICKED, COMPLAINED, UNSUBSCRIBED -> "already sent";
            case PRINTED -> "already printed";
            case FAILED, REJECTED -> "already failed";
            case CANCELLED -> "already cancelled";
            case EMAIL_MISSING, OPTED_OUT, SUPPRESSED -> "not sendable (" + delivery.getStatus() + ")";
            case PENDING_DIGEST -> "held for the digest";
            case PENDING, SCHEDULED, TEMPORARY_FAILURE -> otherwise;
        };
    }
}
