package io.distman.digest.control;

import io.distman.account.entity.Account;
import io.distman.digest.entity.DigestItem;
import io.distman.message.boundary.DeliveryStatusRecorder;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import io.distman.message.entity.Priority;
import io.distman.message.entity.StatusChange;
import io.distman.platform.boundary.Settings;
import io.distman.preference.boundary.Preferences;
import io.distman.preference.entity.RecipientPreference;
import io.distman.submission.boundary.ApplicationMail;
import io.distman.submission.entity.AttachmentInput;
import io.distman.submission.entity.DeliveryReceipt;
import io.distman.submission.entity.SubmitReceipt;
import io.distman.submission.entity.SubmitRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mails one recipient's digest, in a transaction of its own: the recipient's preference row is locked first, so two
 * servers (or a late timer) cannot both take the same turn, and its due time is re-read under the lock. What was held
 * goes into one TRANSACTIONAL mail (the recipient asked for it; it is not held again) through the normal submission
 * path; each held delivery is claimed by a {@link DigestItem} row and notes the digest in its timeline, all in the
 * same transaction as the digest's submission. A recipient who opted out since gets nothing: the held mail becomes
 * OPTED_OUT, as the dispatcher's re-check would have made it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DigestMailer {

    /** The digest message's source module: the follower knows a digest delivery by it without a look-up. */
    public static final String SOURCE_MODULE = "digest";
    static final String RAISED_BY = "distman-digest";
    static final int MAX_ITEMS = 200;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    Preferences preferences;

    @Inject
    DeliveryStatusRecorder statuses;

    @EJB
    ApplicationMail mail;

    /** When things happen: {@code now} only says which turns are due (a test may run tomorrow's turn today). */
    @Inject
    Clock clock;

    /** @return the digest's message id, or null when the turn was not due or nothing was held */
    public Long mail(long preferenceId, Instant now) {
        RecipientPreference p = em.find(RecipientPreference.class, preferenceId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || p.getNextDigestAt() == null || p.getNextDigestAt().isAfter(now)) {
            return null; // another server's run took this turn
        }
        List<Delivery> held = em.createNamedQuery(DigestItem.WAITING, Delivery.class)
                .setParameter("accountId", p.getAccountId()).setParameter("address", p.getAddress())
                .setParameter("held", DeliveryStatus.PENDING_DIGEST).setParameter("now", now)
                .setMaxResults(MAX_ITEMS).getResultList(); // more than that go in the next digest
        preferences.digestDone(preferenceId, now);
        if (held.isEmpty()) {
            return null;
        }
        Instant at = clock.instant();
        if (p.isOptedOut()) {
            record(held, d -> StatusChange.of(DeliveryStatus.OPTED_OUT, at, StatusChange.DIGEST_SOURCE,
                    "recipient opted out of non-essential mail while it was held for the digest", "digest-optout:" + d.getId()));
            return null;
        }
        SubmitReceipt receipt = mail.submit(p.getAccountId(), request(p, held, now));
        DeliveryReceipt digest = receipt.deliveries().get(0);
        em.flush(); // the digest's delivery row first: the items refer to it, and EclipseLink does not order plain ids
        for (Delivery d : held) {
            em.persist(new DigestItem(d.getId(), digest.deliveryId(), p.getAccountId(), at));
        }
        record(held, d -> StatusChange.of(DeliveryStatus.PENDING_DIGEST, at, StatusChange.DIGEST_SOURCE, "sent in the recipient's digest,"
                + " delivery #" + digest.deliveryId() + " (message #" + receipt.messageId() + ")", "digest-in:" + d.getId()));
        return receipt.messageId();
    }

    private void record(List<Delivery> held, java.util.function.Function<Delivery, StatusChange> change) {
        statuses.recordFresh(held.stream().map(d -> (Map.Entry<Delivery, StatusChange>)
                new AbstractMap.SimpleEntry<>(d, change.apply(d))).toList());
    }

    private SubmitRequest request(RecipientPreference p, List<Delivery> held, Instant now) {
        List<Long> messageIds = held.stream().map(d -> d.getMessage().getId()).distinct().toList();
        Map<Long, String> texts = new HashMap<>();
        em.createNamedQuery(MessageContent.OF_MESSAGES, MessageContent.class).setParameter("messageIds", messageIds)
                .getResultStream().forEach(c -> texts.put(c.getMessageId(), c.getTextBody() != null ? c.getTextBody()
                        : c.getHtmlBody() == null ? "" : DigestComposer.textOf(c.getHtmlBody())));
        // Attachments are attached (the recipient has nowhere else to fetch them) up to a total size; the rest are named.
        long room = Settings.longValue("distman.digest.maxAttachmentBytes", 10L * 1024 * 1024);
        List<AttachmentInput> files = new ArrayList<>();
        Map<Long, List<String>> notAttached = new HashMap<>();
        for (MessageAttachment a : em.createNamedQuery(MessageAttachment.OF_MESSAGES, MessageAttachment.class)
                .setParameter("messageIds", messageIds).getResultList()) {
            if (a.getAttachment().getSizeBytes() <= room) {
                room -= a.getAttachment().getSizeBytes();
                files.add(new AttachmentInput(a.getFilename(), a.getContentType(), a.getAttachment().getContent()));
            } else {
                notAttached.computeIfAbsent(a.getMessageId(), k -> new ArrayList<>()).add(a.getFilename());
            }
        }
        // From the account's sender of the latest held mail: an identity the account verified, that the recipient knows.
        Message latest = held.get(held.size() - 1).getMessage();
        ZoneId zone = ZoneId.of(p.getDigestZone() == null ? "UTC" : p.getDigestZone());
        return SubmitRequest.builder().account(em.find(Account.class, p.getAccountId()).getCode()).raisedBy(RAISED_BY)
                .source(SOURCE_MODULE, String.valueOf(p.getId()))
                .category(Category.TRANSACTIONAL).priority(Priority.NORMAL)
                .sender(latest.getSenderAddress(), latest.getSenderName())
                .to(held.get(0).getAddress()).subject(DigestComposer.subject(held.size()))
                .text(DigestComposer.text(held, texts, notAttached, zone)).attachments(files)
                .idempotencyKey("digest:" + p.getId() + ":" + held.get(held.size() - 1).getId() + ":" + held.size())
                .build();
    }
}
