package io.distman.serial.control;

import io.distman.directory.boundary.Directory;
import io.distman.directory.entity.Contact;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.AfterCommitEvents;
import io.distman.serial.boundary.SerialRecipientMailed;
import io.distman.serial.entity.MailingStatus;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.serial.entity.SerialMailing;
import io.distman.serial.entity.SerialMailingAttachment;
import io.distman.serial.entity.SerialRecipient;
import io.distman.submission.boundary.SerialSubmission;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.RecipientInput;
import io.distman.submission.entity.SubmissionRejectedException;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Creates the messages of the next {@value #SIZE} contacts of a mailing, in a transaction of its own: the mailing's
 * row is locked first (two servers resuming the same mailing take turns and the second sees the first's cursor), the
 * messages, the recipients' results and the cursor's advance commit together, and only this chunk's bodies are in
 * memory. Each message goes through the normal submission path as BULK, to one recipient, with its own merge and
 * postal address; a contact opted out in the directory gets one too, whose delivery is OPTED_OUT (never sent). Only a
 * contact left out as not for the newsletter gets none ({@link RecipientRules}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailingChunk {

    public static final int SIZE = 50;
    static final String SOURCE_MODULE = "serial";

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    RecipientRules rules;

    @Inject
    SerialSubmission submission;

    @Inject
    AfterCommitEvents afterCommit;

    @Inject
    Clock clock;

    /** @return whether to call again (false: all its messages are made, or it was cancelled or is gone) */
    public boolean next(long mailingId) {
        SerialMailing mailing = em.find(SerialMailing.class, mailingId, LockModeType.PESSIMISTIC_WRITE);
        if (mailing == null || mailing.getStatus() != MailingStatus.CREATING) {
            return false;
        }
        long accountId = mailing.getAccountId();
        Instant now = clock.instant();
        List<Contact> contacts = directory.page(accountId, mailing.selection(), mailing.getLastContactId(), SIZE);
        if (contacts.isEmpty()) {
            mailing.created(now);
            return false;
        }
        MergeTemplates.Compiled templates = MergeTemplates.compile(mailing.source());
        List<AttachmentInput> files = em.createNamedQuery(SerialMailingAttachment.OF_MAILING, SerialMailingAttachment.class)
                .setParameter("mailingId", mailingId).getResultStream()
                .map(a -> new AttachmentInput(a.getFilename(), a.getContentType(), a.getContent())).toList();
        Set<Long> withoutMessage = rules.withoutMessage(accountId, contacts, mailing.isNewsletterOnly());
        for (Contact contact : contacts) {
            SerialRecipient result = withoutMessage.contains(contact.id())
                    ? new SerialRecipient(mailingId, contact.id(), contact.name(), contact.email(),
                            RecipientOutcome.NOT_NEWSLETTER, null)
                    : submit(mailing, contact, templates, files);
            em.persist(result);
            if (mailing.isActivities()) {
                afterCommit.fire(new SerialRecipientMailed(accountId, mailingId, contact.id(), result.getMessageId(),
                        result.getOutcome(), mailing.getSubject()));
            }
        }
        mailing.advance(contacts.get(contacts.size() - 1).id(), now);
        return true; // a short page is not the end (a worklist's contact may have left the directory): an empty one is
    }

    private SerialRecipient submit(SerialMailing mailing, Contact contact, MergeTemplates.Compiled templates,
                                   List<AttachmentInput> files) {
        MergeTemplates.Merged mail = templates.merge(contact.mergeFields());
        SubmitRequest request = SubmitRequest.builder().account("#" + mailing.getAccountId())
                .raisedBy(mailing.getCreatedBy()).source(SOURCE_MODULE, "mailing:" + mailing.getId())
                .category(Category.BULK).sender(mailing.getSenderAddress(), mailing.getSenderName())
                // the postal address goes with every message: an EMAIL_MISSING one, or one whose mail fails for good, can be
                // printed and posted instead (feature print)
                .to(List.of(new RecipientInput(contact.email(), contact.name(), LetterAddress.of(contact))))
                .subject(mail.subject())
                .html(mail.html()).text(mail.text()).attachments(files).sendAt(mailing.getSendAt())
                // the same contact is never written twice by one mailing, whatever a resumed chunk does
                .idempotencyKey("serial:" + mailing.getId() + ":" + contact.id()).build();
        try {
            SubmitReceipt receipt = submission.submit(mailing.getAccountId(), request, mailing.getId(),
                    contact.trackingConsent(), contact.optedOut());
            DeliveryStatus status = receipt.deliveries().get(0).status();
            return new SerialRecipient(mailing.getId(), contact.id(), contact.name(), contact.email(), outcome(status),
                    receipt.messageId());
        } catch (SubmissionRejectedException e) { // e.g. a merged subject too long: this contact only, nothing stored
            return new SerialRecipient(mailing.getId(), contact.id(), contact.name(), contact.email(),
                    RecipientOutcome.REJECTED, null);
        }
    }

    static RecipientOutcome outcome(DeliveryStatus first) {
        return switch (first) {
            case EMAIL_MISSING -> RecipientOutcome.EMAIL_MISSING;
            case SUPPRESSED -> RecipientOutcome.SUPPRESSED;
            case OPTED_OUT -> RecipientOutcome.OPTED_OUT;
            case REJECTED -> RecipientOutcome.REJECTED;
            default -> RecipientOutcome.QUEUED;
        };
    }
}
