package io.distman.submission.boundary;

import io.distman.message.entity.MessageView;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import java.util.List;

/**
 * What back-office modules call to send email and follow it. Submitting only writes to the
 * database (in the caller's transaction, if it has one): a provider outage never slows or fails it.
 *
 * <p>The account a request names must be one the authenticated caller may act for, else
 * {@code AccountAccessDeniedException}. Malformed requests throw {@code SubmissionRejectedException} naming each bad field; unknown
 * ids in the account throw {@code NotFoundException}; actions the state forbids throw
 * {@code DeliveryStateException}.
 */
public interface DistributionService {

    /** Validates, archives and queues an email; the same idempotency key twice returns the first receipt. */
    SubmitReceipt submit(SubmitRequest request);

    /**
     * Validates, archives and queues many emails of one account in one transaction: all or none. Each request's
     * {@code account} may be left out; if given it must be {@code account}. A bad field anywhere refuses the whole
     * batch, named {@code messages[i].<field>}; a request whose idempotency key was used before gets that first
     * receipt. At most {@code distman.submit.maxBatch} (500) requests.
     * @return a receipt per request, in their order
     */
    List<SubmitReceipt> submitAll(String account, List<SubmitRequest> requests);

    /** The message with each delivery's status and timeline. */
    MessageView message(String account, long messageId);

    /**
     * Cancels a delivery that is still queued.
     * @param onBehalfOf the person the caller acts for, or null; the timeline names the caller and this person
     */
    DeliveryReceipt cancel(String account, long deliveryId, String onBehalfOf);

    /**
     * Sends a delivery again, optionally to a corrected address, as a new delivery linked to the old one.
     * @param onBehalfOf the person the caller acts for, or null; the timeline names the caller and this person
     */
    DeliveryReceipt resend(String account, long deliveryId, String correctedAddress, String onBehalfOf);
}
