package io.distman.submission.boundary;

import io.distman.message.boundary.AddressCheck;
import io.distman.message.boundary.DeliveryResent;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStateException;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.AfterCommitEvents;
import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import io.distman.submission.control.MessageIds;
import io.distman.submission.control.TextCheck;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.suppression.boundary.SuppressionList;
import io.distman.suppression.entity.Suppression;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a user can do to one delivery: cancel it while it waits, make a retry due now, or send it again. */
@Dependent
public class DeliveryActions {

    private static final Set<DeliveryStatus> CANCELLABLE = EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED,
            DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.PENDING_DIGEST);

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    DeliveryStatusRecorder statuses;

    @Inject
    SuppressionList suppressions;

    @Inject
    AfterCommitEvents afterCommit;

    @Inject
    Clock clock;

    /**
     * Cancels a delivery that has not gone yet. The row lock serialises this with the dispatcher's
     * claim, so a delivery is either cancelled or sent, never both.
     */
    public Delivery cancel(long accountId, long deliveryId, String user) {
        Delivery delivery = locked(accountId, deliveryId);
        Instant now = clock.instant();
        boolean leased = leased(delivery, now);
        if (!cancellable(delivery, now)) {
            throw new DeliveryStateException("Delivery " + deliveryId + " is " + (leased ? "being sent" : delivery.getStatus())
                    + " and can no longer be cancelled");
        }
        statuses.record(delivery, StatusChange.of(DeliveryStatus.CANCELLED, now, "USER", "cancelled by " + user,
                "cancel:" + deliveryId));
        delivery.released(null);
        return delivery;
    }

    /** Whether a user may still cancel it: queued, and no dispatcher holds its lease. */
    public static boolean cancellable(Delivery delivery, Instant now) {
        return CANCELLABLE.contains(delivery.getStatus()) && !leased(delivery, now);
    }

    /** Whether a dispatcher holds it right now (its lease has not run out). */
    public static boolean leased(Delivery delivery, Instant now) {
        return delivery.getLeaseUntil() != null && delivery.getLeaseUntil().isAfter(now);
    }

    /**
     * A temporary failure becomes due now instead of after its back-off: PENDING again, through the one
     * status method with the user in the event, for the next dispatch run to take.
     */
    public Delivery retryNow(long accountId, long deliveryId, String user) {
        Delivery delivery = locked(accountId, deliveryId);
        Instant now = clock.instant();
        if (delivery.getStatus() != DeliveryStatus.TEMPORARY_FAILURE || leased(delivery, now)) {
            throw new DeliveryStateException("Delivery " + deliveryId + " is " + delivery.getStatus()
                    + (leased(delivery, now) ? " and being sent" : ", not a temporary failure"));
        }
        statuses.record(delivery, StatusChange.of(DeliveryStatus.PENDING, now, "USER",
                "retry now by " + user + " after attempt " + delivery.getAttempts(),
                "retry:" + deliveryId + ":" + delivery.getAttempts()));
        delivery.scheduleAt(now);
        return delivery;
    }

    /**
     * Sends a delivery again as a new delivery of the same message, linked to the old one, to the same
     * or a corrected address. The old delivery keeps its history untouched.
     */
    public Delivery resend(long accountId, long deliveryId, String correctedAddress, String user) {
        Delivery original = locked(accountId, deliveryId);
        String address = correctedAddress == null || correctedAddress.isBlank() ? original.getAddress()
                : AddressCheck.normalise(correctedAddress);
        String problem = address == null ? "the delivery has no address; give a corrected one"
                : TextCheck.hasLineBreak(address) || TextCheck.hasControl(address) ? "contains a line break or control character"
                : AddressCheck.problemWith(address);
        if (problem != null) {
            throw new SubmissionRejectedException(List.of(new FieldError("address", problem)));
        }
        Instant now = clock.instant();
        Delivery resend = new Delivery(original.getMessage(), original.getRecipientType(), address,
                original.getDisplayName(), MessageIds.messageIdFor(original.getMessage().getSenderAddress()),
                MessageIds.returnToken(), now);
        resend.resendOf(original.getId());
        String key = "submitted:" + resend.getMessageIdHeader();
        Suppression suppression = suppressions.activeFor(accountId, List.of(address), original.getMessage().getCategory(), now).get(address.toLowerCase(Locale.ROOT));
        if (suppression != null) {
            statuses.start(resend, StatusChange.of(DeliveryStatus.SUPPRESSED, now, "USER",
                    "resent by " + user + "; address is suppressed (" + suppression.getReason() + ")", key));
        } else {
            resend.scheduleAt(now);
            statuses.start(resend, StatusChange.of(DeliveryStatus.PENDING, now, "USER",
                    "resent by " + user + " (of delivery " + original.getId() + ")", key));
            afterCommit.fire(new DeliveryResent(accountId, original.getMessage().getId(), original.getId(), resend.getId(),
                    address, user));
        }
        return resend;
    }

    /**
     * The delivery, row-locked for this transaction (which serialises a user's action with the dispatcher's
     * claim); the account is part of the query, so another account's id is simply not found.
     */
    public Delivery locked(long accountId, long deliveryId) {
        return em.createNamedQuery(Delivery.BY_ID_IN_ACCOUNT, Delivery.class).setParameter("id", deliveryId)
                .setParameter("accountId", accountId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("No delivery " + deliveryId));
    }
}
