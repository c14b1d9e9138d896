package io.distman.audit.boundary;

import io.distman.audit.boundary.DeliveryDetails.AttachmentFile;
import io.distman.audit.boundary.DeliveryDetails.AttachmentInfo;
import io.distman.audit.boundary.DeliveryDetails.Event;
import io.distman.audit.boundary.DeliveryDetails.Header;
import io.distman.audit.boundary.DeliveryDetails.SuppressionInfo;
import io.distman.account.boundary.Callers;
import io.distman.audit.control.RecommendedAction;
import io.distman.audit.control.TimelineWording;
import io.distman.dispatch.boundary.RetryPolicy;
import io.distman.message.entity.Category;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import io.distman.message.entity.RecipientType;
import io.distman.submission.boundary.DeliveryActions;
import io.distman.suppression.boundary.SuppressionList;
import io.distman.suppression.entity.Suppression;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One delivery as the View dialog shows it. Every method takes the account first, checks that the signed-in
 * caller may act for it, and finds nothing for a delivery of another account: an id from a URL can never
 * reach another account's mail. A resend is recorded as the caller's, never a name the screen passes.
 */
@Stateless
@RolesAllowed("agent") // the View dialog (/app/view.xhtml): any signed-in staff
public class DeliveryViews {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    @Inject
    SuppressionList suppressions;

    @Inject
    DeliveryActions actions;

    @Inject
    Clock clock;

    @Inject
    Callers callers;

    public Optional<DeliveryDetails> find(long accountId, long deliveryId) {
        callers.forAccount(accountId);
        return delivery(accountId, deliveryId).map(this::details);
    }

    /** The archived HTML body, exactly as sent; empty when there is none or the delivery is not the account's. */
    public Optional<String> html(long accountId, long deliveryId) {
        callers.forAccount(accountId);
        return delivery(accountId, deliveryId).flatMap(d -> content(d.getMessage().getId()))
                .map(MessageContent::getHtmlBody);
    }

    /** @param ordinal the attachment's position in its message, as {@link AttachmentInfo#ordinal()} */
    public Optional<AttachmentFile> attachment(long accountId, long deliveryId, int ordinal) {
        callers.forAccount(accountId);
        return delivery(accountId, deliveryId).flatMap(d -> attachments(d.getMessage().getId()).stream()
                .filter(a -> a.getOrdinal() == ordinal).findFirst())
                .map(a -> new AttachmentFile(a.getFilename(), a.getContentType(), a.getAttachment().getContent()));
    }

    /**
     * Sends the delivery again, to the same or a corrected address; the timeline names the signed-in caller.
     * @return the new delivery's id
     */
    public long resend(long accountId, long deliveryId, String correctedAddress) {
        return actions.resend(accountId, deliveryId, correctedAddress, callers.forAccount(accountId).actor()).getId();
    }

    private Optional<Delivery> delivery(long accountId, long deliveryId) {
        return em.createNamedQuery(Delivery.BY_ID_IN_ACCOUNT, Delivery.class)
                .setParameter("id", deliveryId).setParameter("accountId", accountId)
                .getResultStream().findFirst();
    }

    private Optional<MessageContent> content(long messageId) {
        return em.createNamedQuery(MessageContent.OF_MESSAGES, MessageContent.class)
                .setParameter("messageIds", List.of(messageId)).getResultStream().findFirst();
    }

    private List<MessageAttachment> attachments(long messageId) {
        return em.createNamedQuery(MessageAttachment.OF_MESSAGES, MessageAttachment.class)
                .setParameter("messageIds", List.of(messageId)).getResultList();
    }

    private DeliveryDetails details(Delivery d) {
        Message m = d.getMessage();
        Instant now = clock.instant();
        Optional<MessageContent> content = content(m.getId());
        List<Delivery> visible = em.createNamedQuery(Delivery.HEADER_RECIPIENTS, Delivery.class)
                .setParameter("messageIds", List.of(m.getId())).getResultList();
        List<String> to = recipients(visible, RecipientType.TO);
        List<String> cc = recipients(visible, RecipientType.CC);
        List<Event> timeline = timeline(em.createNamedQuery(DeliveryEvent.OF_DELIVERIES, DeliveryEvent.class)
                .setParameter("deliveryIds", List.of(d.getId())).getResultList());
        Instant sentAt = timeline.stream().filter(e -> e.status() == DeliveryStatus.ACCEPTED).map(Event::occurredAt)
                .findFirst().orElse(null);
        SuppressionInfo suppression = d.getAddress() == null ? null
                : Optional.ofNullable(suppressions.activeFor(d.getAccountId(), List.of(d.getAddress()), m.getCategory(), now)
                        .get(d.getAddress().toLowerCase(Locale.ROOT)))
                .map(DeliveryViews::suppression).orElse(null);
        Instant firstDue = m.getSendAt() != null ? m.getSendAt() : d.getCreatedAt();
        String advice = RecommendedAction.forDelivery(d.getStatus(), d.getEnhancedCode(), d.getStatusDetail(),
                firstDue.plus(RetryPolicy.fromSettings().maxAge()), suppression == null ? null : suppression.reason())
                .orElse(null);
        List<AttachmentInfo> files = attachments(m.getId()).stream()
                .map(a -> new AttachmentInfo(a.getOrdinal(), a.getFilename(), a.getContentType(),
                        a.getAttachment().getSizeBytes()))
                .toList();
        List<Long> resends = em.createNamedQuery(Delivery.RESENDS_OF, Long.class)
                .setParameter("id", d.getId()).setParameter("accountId", d.getAccountId()).getResultList();
        return new DeliveryDetails(d.getId(), m.getId(), m.getSubject(), mailbox(m.getSenderName(), m.getSenderAddress()),
                d.getRecipientType(), d.getAddress(), to, cc, m.getRaisedBy(), m.getSourceModule(), m.getSourceRef(),
                m.getSerialMailingId(), m.getCategory(), d.getCreatedAt(), sentAt, d.getStatus(), d.getStatusAt(), d.getSmtpCode(),
                d.getEnhancedCode(), d.getStatusDetail(), d.getProvider(), d.getAttempts(), d.getNextAttemptAt(),
                content.map(MessageContent::getTextBody).orElse(null),
                content.map(c -> c.getHtmlBody() != null && !c.getHtmlBody().isBlank()).orElse(false),
                files, headers(d, m, to, cc, sentAt, content.map(MessageContent::getHeaders).orElse(null)),
                timeline, suppression, advice, d.getResendOf(), resends);
    }

    /** The events in their order, each worded with the send attempt it belongs to (the last claim before it). */
    private static List<Event> timeline(List<DeliveryEvent> events) {
        List<Event> timeline = new ArrayList<>(events.size());
        int attempt = 0;
        for (DeliveryEvent e : events) {
            attempt = Math.max(attempt, TimelineWording.attemptOf(e.getStatus(), e.getDiagnostic()));
            timeline.add(new Event(e.getOccurredAt(), e.getRecordedAt(), e.getStatus(), e.getSource(), e.getSmtpCode(),
                    e.getEnhancedCode(), e.getDiagnostic(), e.getProvider(), e.isMachine(),
                    TimelineWording.what(e.getStatus(), e.getSource(), e.getDiagnostic(), attempt),
                    TimelineWording.by(e.getSource())));
        }
        return timeline;
    }

    private static SuppressionInfo suppression(Suppression s) {
        return new SuppressionInfo(s.getReason(), s.getDetail(), s.getCreatedAt(), s.getExpiresAt(), s.getCategory(),
                s.getSourceDeliveryId());
    }

    private static List<String> recipients(List<Delivery> visible, RecipientType type) {
        return visible.stream().filter(v -> v.getRecipientType() == type)
                .map(v -> mailbox(v.getDisplayName(), v.getAddress())).toList();
    }

    private static String mailbox(String name, String address) {
        return name == null || name.isBlank() ? address : name + " <" + address + ">";
    }

    /**
     * The headers this recipient's copy carried, as far as they are stored or derivable: the ones we
     * generate (Message-ID, From, To, Cc, Subject, List-Unsubscribe for bulk mail) and the custom ones
     * submitted with the message. Encoded forms and transport headers (Received, DKIM) are not archived.
     */
    private static List<Header> headers(Delivery d, Message m, List<String> to, List<String> cc, Instant sentAt,
                                        String custom) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Message-ID", d.getMessageIdHeader()));
        if (sentAt != null) {
            headers.add(new Header("Date", sentAt.toString()));
        }
        headers.add(new Header("From", mailbox(m.getSenderName(), m.getSenderAddress())));
        if (m.getReplyTo() != null) {
            headers.add(new Header("Reply-To", m.getReplyTo()));
        }
        if (!to.isEmpty()) {
            headers.add(new Header("To", String.join(", ", to)));
        }
        if (!cc.isEmpty()) {
            headers.add(new Header("Cc", String.join(", ", cc)));
        }
        headers.add(new Header("Subject", m.getSubject()));
        if (m.getCategory() == Category.BULK) {
            headers.add(new Header("List-Unsubscribe", "<one-click unsubscribe link of this recipient>"));
            headers.add(new Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        }
        if (custom != null) {
            custom.lines().filter(line -> line.indexOf(':') > 0).forEach(line -> {
                int colon = line.indexOf(':');
                headers.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            });
        }
        return headers;
    }
}
