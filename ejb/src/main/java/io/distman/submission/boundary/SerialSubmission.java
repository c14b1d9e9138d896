package io.distman.submission.boundary;

import io.distman.message.entity.Message;
import io.distman.submission.control.Submitter;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * One message of a serial mailing, through the same validation, sender check, suppression and storing as any
 * submission, marked as serial mail and linked to its mailing. Checks no caller: serial mail's boundary checked the
 * caller against the account when the mailing was created, and its chunks run later without one.
 */
@Dependent
public class SerialSubmission {

    @Inject
    Submitter submitter;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /**
     * @param tracking whether the recipient consented to open tracking; without it the mail carries no pixel and no
     *                 rewritten links
     * @param optedOut whether the host's directory says the recipient opted out: the message is stored, its delivery
     *                 OPTED_OUT and never sent (our own preference store is asked in any case)
     */
    public SubmitReceipt submit(long accountId, SubmitRequest request, long mailingId, boolean tracking, boolean optedOut) {
        SubmitReceipt receipt = submitter.acceptSerial(accountId, request, optedOut);
        if (!receipt.duplicate()) {
            em.find(Message.class, receipt.messageId()).serial(mailingId, !tracking);
        }
        return receipt;
    }
}
