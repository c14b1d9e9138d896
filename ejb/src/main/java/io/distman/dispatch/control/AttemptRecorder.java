package io.distman.dispatch.control;

import io.distman.dispatch.boundary.RetryPolicy;
import io.distman.dispatch.entity.Claim;
import io.distman.dispatch.entity.SendResult;
import io.distman.message.boundary.DeliveryLocks;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records what the transport reported for a step of a block, in one transaction of its own: the
 * status through the one status method, and when (or whether) to try again. Each result carries the
 * claim it was sent under, and is recorded only while that claim still holds (the row is locked and
 * read fresh first): a sender whose lease ran out and whose delivery another dispatcher has claimed
 * since can neither overwrite the newer attempt nor clear its lease.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptRecorder {

    @Inject
    DeliveryLocks locks;

    @Inject
    DeliveryStatusRecorder statuses;

    /** @return the deliveries whose claim had been overtaken, so that nothing was recorded for them */
    public List<Long> record(List<AttemptResult> attempts) {
        if (attempts.isEmpty()) {
            return List.of();
        }
        Map<Long, Delivery> deliveries = locks.lockAndLoad(attempts.stream().map(a -> a.claim().deliveryId()).toList())
                .stream().collect(Collectors.toMap(Delivery::getId, Function.identity()));
        RetryPolicy retry = RetryPolicy.fromSettings();
        Map<Delivery, StatusChange> changes = new LinkedHashMap<>();
        List<Long> overtaken = new ArrayList<>();
        for (AttemptResult attempt : attempts) {
            Delivery delivery = deliveries.get(attempt.claim().deliveryId());
            if (delivery == null || !holds(attempt.claim(), delivery)) {
                overtaken.add(attempt.claim().deliveryId());
            } else {
                changes.put(delivery, change(delivery, attempt.claim().attempt(), attempt.result(), retry));
            }
        }
        statuses.recordFresh(changes.entrySet());
        return overtaken;
    }

    /** The fencing check: the delivery is still in the attempt this claim began, held by this claimant. */
    static boolean holds(Claim claim, Delivery delivery) {
        return delivery.getStatus() == DeliveryStatus.SENDING && delivery.getAttempts() == claim.attempt()
                && claim.owner().equals(delivery.getClaimOwner());
    }

    private static StatusChange change(Delivery delivery, int attempt, SendResult result, RetryPolicy retry) {
        DeliveryStatus status = result.outcome().status();
        String detail = result.reply();
        if (status == DeliveryStatus.TEMPORARY_FAILURE) {
            Optional<Instant> next = retry.nextAttempt(attempt, firstDue(delivery), result.at(), result.retryNotBefore());
            if (next.isPresent()) {
                delivery.released(next.get());
                detail = "attempt " + attempt + " failed, next at " + next.get() + ": " + result.reply();
            } else {
                status = DeliveryStatus.FAILED;
                delivery.released(null);
                detail = "gave up after " + attempt + " attempts since " + firstDue(delivery) + "; last: " + result.reply();
            }
        } else {
            delivery.released(null);
        }
        if (status == DeliveryStatus.ACCEPTED) {
            delivery.sentVia(result.provider(), result.providerMessageId());
        }
        // Never before the claim it ends (another server's clock may lag a little): an older event would lose
        // to SENDING by precedence and leave the delivery SENDING without a lease.
        Instant at = delivery.getStatusAt() != null && result.at().isBefore(delivery.getStatusAt())
                ? delivery.getStatusAt() : result.at();
        return new StatusChange(status, at, result.provider() == null ? "SMTP" : result.provider().toUpperCase(),
                result.smtpCode(), result.enhancedCode(), detail, result.provider(),
                "attempt:" + delivery.getId() + ":" + attempt, null, false);
    }

    private static Instant firstDue(Delivery delivery) {
        Instant sendAt = delivery.getMessage().getSendAt();
        return sendAt != null && sendAt.isAfter(delivery.getCreatedAt()) ? sendAt : delivery.getCreatedAt();
    }

    /** A transport's result together with the claim it was sent under. */
    public record AttemptResult(Claim claim, SendResult result) {
    }
}
