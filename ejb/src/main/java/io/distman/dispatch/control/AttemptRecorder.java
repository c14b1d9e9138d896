package io.distman.dispatch.control;

import io.distman.dispatch.boundary.RetryPolicy;
import io.distman.dispatch.entity.SendResult;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records what the transport reported for a block, in one transaction of its own: the status through
 * the one status method, and when (or whether) to try again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AttemptRecorder {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryStatusRecorder statuses;

    public void record(List<SendResult> results) {
        if (results.isEmpty()) {
            return;
        }
        Map<Long, Delivery> deliveries = em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class)
                .setParameter("ids", results.stream().map(SendResult::deliveryId).toList())
                .getResultStream().collect(Collectors.toMap(Delivery::getId, Function.identity()));
        RetryPolicy retry = RetryPolicy.fromSettings();
        Map<Delivery, StatusChange> changes = new LinkedHashMap<>();
        for (SendResult result : results) {
            Delivery delivery = deliveries.get(result.deliveryId());
            changes.put(delivery, change(delivery, result, retry));
        }
        statuses.recordFresh(changes.entrySet());
    }

    private static StatusChange change(Delivery delivery, SendResult result, RetryPolicy retry) {
        DeliveryStatus status = result.outcome().status();
        String detail = result.reply();
        if (status == DeliveryStatus.TEMPORARY_FAILURE) {
            Optional<Instant> next = retry.nextAttempt(delivery.getAttempts(), firstDue(delivery), result.at(),
                    result.retryNotBefore());
            if (next.isPresent()) {
                delivery.released(next.get());
                detail = "attempt " + delivery.getAttempts() + " failed, next at " + next.get() + ": " + result.reply();
            } else {
                status = DeliveryStatus.FAILED;
                delivery.released(null);
                detail = "gave up after " + delivery.getAttempts() + " attempts since " + firstDue(delivery)
                        + "; last: " + result.reply();
            }
        } else {
            delivery.released(null);
        }
        if (status == DeliveryStatus.ACCEPTED) {
            delivery.sentVia(result.provider(), result.providerMessageId());
        }
        return new StatusChange(status, result.at(), result.provider() == null ? "SMTP" : result.provider().toUpperCase(),
                result.smtpCode(), result.enhancedCode(), detail, result.provider(),
                "attempt:" + delivery.getId() + ":" + delivery.getAttempts(), null, false);
    }

    private static Instant firstDue(Delivery delivery) {
        Instant sendAt = delivery.getMessage().getSendAt();
        return sendAt != null && sendAt.isAfter(delivery.getCreatedAt()) ? sendAt : delivery.getCreatedAt();
    }
}
