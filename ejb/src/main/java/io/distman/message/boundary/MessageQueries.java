package io.distman.message.boundary;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryEvent;
import io.distman.message.entity.DeliveryPostalAddress;
import io.distman.message.entity.PostalAddress;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageView.DeliveryView;
import io.distman.message.entity.MessageView.EventView;
import io.distman.message.entity.MessageView;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads a message with its deliveries and timelines, always within one account. */
@Dependent
public class MessageQueries {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public Optional<MessageView> view(long accountId, long messageId) {
        return em.createNamedQuery(Message.BY_ID_IN_ACCOUNT, Message.class)
                .setParameter("id", messageId)
                .setParameter("accountId", accountId)
                .getResultStream().findFirst()
                .map(this::view);
    }

    private MessageView view(Message m) {
        List<Delivery> deliveries = em.createNamedQuery(Delivery.OF_MESSAGE, Delivery.class)
                .setParameter("messageId", m.getId()).getResultList();
        Map<Long, List<EventView>> timelines = em.createNamedQuery(DeliveryEvent.OF_DELIVERIES, DeliveryEvent.class)
                .setParameter("deliveryIds", deliveries.stream().map(Delivery::getId).toList())
                .getResultList().stream()
                .collect(Collectors.groupingBy(DeliveryEvent::getDeliveryId, Collectors.mapping(MessageQueries::event,
                        Collectors.toList())));
        List<String> files = em.createNamedQuery(MessageAttachment.OF_MESSAGES, MessageAttachment.class)
                .setParameter("messageIds", List.of(m.getId())).getResultList().stream()
                .map(MessageAttachment::getFilename).toList();
        Map<Long, PostalAddress> postal = em.createNamedQuery(DeliveryPostalAddress.OF_DELIVERIES, DeliveryPostalAddress.class)
                .setParameter("ids", deliveries.stream().map(Delivery::getId).toList()).setParameter("accountId", m.getAccountId())
                .getResultStream().collect(Collectors.toMap(DeliveryPostalAddress::getDeliveryId, DeliveryPostalAddress::address));
        return new MessageView(m.getId(), m.getRaisedBy(), m.getSourceModule(), m.getSourceRef(), m.getCategory(),
                m.getPriority(), m.getSenderAddress(), m.getSubject(), m.getSendAt(), m.getCreatedAt(), files,
                deliveries.stream().map(d -> delivery(d, timelines.getOrDefault(d.getId(), List.of()), postal.get(d.getId()))).toList(),
                m.getSerialMailingId());
    }

    private static DeliveryView delivery(Delivery d, List<EventView> timeline, PostalAddress postalAddress) {
        return new DeliveryView(d.getId(), d.getRecipientType(), d.getAddress(), d.getStatus(), d.getStatusAt(),
                d.getStatusDetail(), d.getSmtpCode(), d.getEnhancedCode(), d.getProvider(), d.getMessageIdHeader(),
                d.getAttempts(), d.getNextAttemptAt(), d.getResendOf(), timeline, postalAddress);
    }

    private static EventView event(DeliveryEvent e) {
        return new EventView(e.getStatus(), e.getOccurredAt(), e.getRecordedAt(), e.getSource(), e.getSmtpCode(),
                e.getEnhancedCode(), e.getDiagnostic(), e.getProvider());
    }
}
