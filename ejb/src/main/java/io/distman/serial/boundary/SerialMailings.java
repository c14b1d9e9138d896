package io.distman.serial.boundary;

import io.distman.account.boundary.Callers;
import io.distman.account.entity.Caller;
import io.distman.directory.boundary.Directory;
import io.distman.directory.boundary.Worklists;
import io.distman.directory.entity.Contact;
import io.distman.directory.entity.ContactFilter;
import io.distman.directory.entity.ContactSelection;
import io.distman.identity.boundary.SenderCheck;
import io.distman.message.entity.DeliveryStatus;
import io.distman.platform.boundary.AfterCommitEvents;
import io.distman.platform.entity.FieldError;
import io.distman.platform.entity.NotFoundException;
import io.distman.serial.control.AttachmentRules;
import io.distman.serial.control.MailingCancel;
import io.distman.serial.control.MailingStarter;
import io.distman.serial.control.MergeTemplates;
import io.distman.serial.control.RecipientCounter;
import io.distman.serial.control.SignatureChoice;
import io.distman.serial.control.SourceCheck;
import io.distman.serial.entity.MailTemplate;
import io.distman.serial.entity.MailingCount;
import io.distman.serial.entity.MailingProgress;
import io.distman.serial.entity.MailingRequest;
import io.distman.serial.entity.MergeSource;
import io.distman.serial.entity.Preview;
import io.distman.serial.entity.RecipientOutcome;
import io.distman.serial.entity.RecipientResult;
import io.distman.serial.entity.SerialMailing;
import io.distman.serial.entity.SerialMailingAttachment;
import io.distman.serial.entity.SerialRecipient;
import io.distman.serial.entity.SerialRefusedException;
import io.distman.submission.entity.AttachmentInput;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serial mailings of an account: the count before sending, a preview for any contact, creating one (its messages are
 * then made chunk by chunk, see {@code MailingChunk}), its progress, its result per recipient, and cancelling what
 * has not gone. Every call is checked against the caller's accounts; another account's mailing is not found.
 */
@Stateless
@PermitAll // the per-account check in each method is the authorization: staff and modules alike send serial mail
public class SerialMailings {

    static final int MAX_PAGE = 500;
    static final int MAX_NAME = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @EJB
    Callers callers;

    @EJB
    Worklists worklists;

    @EJB
    Templates templates;

    @EJB
    MailingCancel cancelling;

    @Inject
    Directory directory;

    @Inject
    RecipientCounter counter;

    @Inject
    SignatureChoice signatures;

    @Inject
    SenderCheck senders;

    @Inject
    AfterCommitEvents afterCommit;

    @Inject
    Clock clock;

    /** How many contacts the selection holds and how many will get mail, with the reasons of the others. */
    public MailingCount count(long accountId, ContactFilter filter, Long worklistId, boolean newsletterOnly) {
        callers.forAccount(accountId);
        return counter.count(accountId, selection(accountId, filter, worklistId), newsletterOnly);
    }

    /**
     * The senders Compose offers: the account's verified identities (a domain stands for any address at it). Creating
     * a mailing checks its sender against them again, whatever a form posted.
     */
    public List<String> senderIdentities(long accountId) {
        callers.forAccount(accountId);
        return senders.verifiedIdentities(accountId);
    }

    /** The mail one contact would get from a stored template ({@code templateId}) or from {@code source}. */
    public Preview preview(long accountId, Long templateId, MergeSource source, long contactId) {
        return preview(accountId, templateId, source, contactId, null);
    }

    /**
     * The mail one contact would get, signed as a mailing From {@code senderAddress} by this caller would be (the
     * caller's own signature, else the identity's; without a sender only the caller's own).
     */
    public Preview preview(long accountId, Long templateId, MergeSource source, long contactId, String senderAddress) {
        Caller caller = callers.forAccount(accountId);
        MergeSource chosen = source(accountId, templateId, source, false);
        chosen = chosen == null ? null : chosen.signed(signatures.choose(accountId, caller.principal(), senderAddress).orElse(null));
        Contact contact = directory.contact(accountId, contactId)
                .orElseThrow(() -> new SerialRefusedException("contactId", "is not a contact of this account's directory"));
        MergeTemplates.Merged mail = SourceCheck.checked(chosen).merge(contact.mergeFields());
        return new Preview(contact.id(), contact.email(), mail.subject(), mail.html(), mail.text(), mail.missing());
    }

    /** Creates the mailing; its messages are made from the moment it is committed, in chunks. */
    public MailingProgress create(long accountId, MailingRequest request) {
        Caller caller = callers.forAccount(accountId);
        if (request == null) {
            throw new SerialRefusedException("request", "is required");
        }
        MergeSource source = source(accountId, request.templateId(), request.source(), true);
        SourceCheck.checked(source);
        ContactSelection selection = selection(accountId, request.filter(), request.worklistId());
        List<FieldError> errors = new ArrayList<>();
        String sender = request.senderAddress() == null ? "" : request.senderAddress().strip();
        if (sender.isEmpty()) {
            errors.add(new FieldError("senderAddress", "is required"));
        } else {
            senders.refusal(accountId, sender).ifPresent(reason -> errors.add(new FieldError("senderAddress", reason)));
        }
        if (request.senderName() != null && request.senderName().strip().length() > MAX_NAME) {
            errors.add(new FieldError("senderName", "is longer than " + MAX_NAME + " characters"));
        }
        List<AttachmentInput> files = AttachmentRules.checked(
                request.attachments() == null ? List.of() : request.attachments(), errors);
        if (!errors.isEmpty()) {
            throw new SerialRefusedException(errors);
        }
        source = source.signed(signatures.choose(accountId, caller.principal(), sender).orElse(null));
        Instant now = clock.instant();
        Instant sendAt = request.sendAt() != null && request.sendAt().isAfter(now) ? request.sendAt() : null;
        String by = caller.actorWithin(100);
        SerialMailing mailing = new SerialMailing(accountId, request.templateId(), source, sender,
                request.senderName() == null || request.senderName().isBlank() ? null : request.senderName().strip(),
                selection, request.newsletter(), request.withActivities(), sendAt, by, now);
        em.persist(mailing);
        em.flush();
        for (int i = 0; i < files.size(); i++) {
            AttachmentInput file = files.get(i);
            em.persist(new SerialMailingAttachment(mailing.getId(), i, file.filename(), file.contentType(),
                    file.content()));
        }
        afterCommit.fire(new MailingStarter.Created(mailing.getId()));
        return progressOf(mailing);
    }

    public MailingProgress progress(long accountId, long mailingId) {
        callers.forAccount(accountId);
        return progressOf(owned(accountId, mailingId));
    }

    public List<MailingProgress> mailings(long accountId, int first, int max) {
        callers.forAccount(accountId);
        return em.createNamedQuery(SerialMailing.OF_ACCOUNT, SerialMailing.class).setParameter("accountId", accountId)
                .setFirstResult(Math.max(first, 0)).setMaxResults(Math.min(Math.max(max, 1), MAX_PAGE))
                .getResultStream().map(this::progressOf).toList();
    }

    /** Each contact's result, by contact id, with its delivery's status now. */
    public List<RecipientResult> recipients(long accountId, long mailingId, int first, int max) {
        callers.forAccount(accountId);
        owned(accountId, mailingId);
        List<SerialRecipient> rows = em.createNamedQuery(SerialRecipient.OF_MAILING, SerialRecipient.class)
                .setParameter("mailingId", mailingId).setFirstResult(Math.max(first, 0))
                .setMaxResults(Math.min(Math.max(max, 1), MAX_PAGE)).getResultList();
        List<Long> messageIds = rows.stream().map(SerialRecipient::getMessageId).filter(java.util.Objects::nonNull).toList();
        Map<Long, Object[]> deliveries = new HashMap<>(); // message id → delivery id, status (one recipient each)
        if (!messageIds.isEmpty()) {
            em.createNamedQuery(SerialRecipient.STATUSES_OF_MESSAGES, Object[].class).setParameter("messageIds", messageIds)
                    .setParameter("accountId", accountId).getResultStream()
                    .forEach(row -> deliveries.put((Long) row[0], row));
        }
        return rows.stream().map(r -> {
            Object[] delivery = r.getMessageId() == null ? null : deliveries.get(r.getMessageId());
            return new RecipientResult(r.getContactId(), r.getName(), r.getAddress(), r.getOutcome(), r.getMessageId(),
                    delivery == null ? null : (Long) delivery[1], delivery == null ? null : (DeliveryStatus) delivery[2]);
        }).toList();
    }

    /**
     * Stops the mailing: no further message is made, and its queued deliveries are cancelled (a delivery being sent at
     * this moment goes). In steps of their own, so a large mailing is not one long transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public MailingProgress cancel(long accountId, long mailingId) {
        Caller caller = callers.forAccount(accountId);
        SerialMailing mailing = owned(accountId, mailingId);
        cancelling.stop(mailing);
        for (long after = 0; (after = cancelling.cancelSome(accountId, mailingId, after, caller.actor())) >= 0; ) {
            // each step cancels the next block of queued deliveries in its own transaction
        }
        return progressOf(owned(accountId, mailingId));
    }

    private MergeSource source(long accountId, Long templateId, MergeSource inline, boolean forSending) {
        if (templateId == null) {
            return inline;
        }
        if (inline != null) {
            throw new SerialRefusedException("templateId", "give a template or a subject and body, not both");
        }
        var template = templates.template(accountId, templateId);
        if (forSending && template.draft()) {
            throw new SerialRefusedException("templateId", "is a draft; make it ready before sending");
        }
        return new MergeSource(template.subject(), template.htmlBody(), template.textBody());
    }

    private ContactSelection selection(long accountId, ContactFilter filter, Long worklistId) {
        if (worklistId != null) {
            if (filter != null) {
                throw new SerialRefusedException("worklistId", "give a filter or a worklist, not both");
            }
            if (!worklists.exists(accountId, worklistId)) {
                throw new SerialRefusedException("worklistId", "is not a worklist of this account");
            }
            return ContactSelection.worklist(worklistId);
        }
        ContactFilter chosen = filter == null ? ContactFilter.ALL : filter;
        if (!chosen.problems("filter").isEmpty()) {
            throw new SerialRefusedException(chosen.problems("filter"));
        }
        return ContactSelection.of(chosen);
    }

    private SerialMailing owned(long accountId, long mailingId) {
        return em.createNamedQuery(SerialMailing.BY_ID_IN_ACCOUNT, SerialMailing.class).setParameter("id", mailingId)
                .setParameter("accountId", accountId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("No serial mailing " + mailingId));
    }

    private MailingProgress progressOf(SerialMailing m) {
        Map<RecipientOutcome, Integer> outcomes = new EnumMap<>(RecipientOutcome.class);
        em.createNamedQuery(SerialRecipient.OUTCOME_COUNTS, Object[].class).setParameter("mailingId", m.getId())
                .getResultStream().forEach(row -> outcomes.put((RecipientOutcome) row[0], ((Number) row[1]).intValue()));
        int queued = 0, sent = 0, delivered = 0, failed = 0, notSentDeliveries = 0;
        for (Object[] row : em.createNamedQuery(SerialMailing.DELIVERY_COUNTS, Object[].class)
                .setParameter("mailingId", m.getId()).setParameter("accountId", m.getAccountId()).getResultList()) {
            int n = ((Number) row[1]).intValue();
            switch ((DeliveryStatus) row[0]) {
                case PENDING, SCHEDULED, SENDING, TEMPORARY_FAILURE, PENDING_DIGEST -> queued += n;
                case ACCEPTED -> sent += n;
                case DELIVERED, OPENED, CLICKED, UNSUBSCRIBED -> delivered += n;
                case FAILED, REJECTED, COMPLAINED -> failed += n;
                default -> notSentDeliveries += n;
            }
        }
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        int withoutMessage = total - (queued + sent + delivered + failed + notSentDeliveries);
        return new MailingProgress(m.getId(), m.getSubject(), m.getStatus(), m.getCreatedAt(), m.getCreatedBy(),
                m.getSendAt(), total, queued, sent, delivered, failed, notSentDeliveries + Math.max(withoutMessage, 0),
                Map.copyOf(outcomes));
    }
}
