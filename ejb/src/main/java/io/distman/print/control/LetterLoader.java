package io.distman.print.control;

import io.distman.message.boundary.MessageParts;
import io.distman.message.entity.Delivery;
import io.distman.message.entity.DeliveryPostalAddress;
import io.distman.message.entity.Message;
import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads what a few letters need from the archive (delivery, message, content, attachments, postal address), every
 * query bound to the account, and turns each into a {@link Letter}. The print run calls it a chunk at a time.
 */
@Dependent
public class LetterLoader {

    @Inject
    MessageParts parts;

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    /** The letters for {@code deliveryIds} in that order; ids of another account, or without an address, are skipped. */
    public List<Letter> letters(long accountId, List<Long> deliveryIds, String dateLine) {
        Map<Long, Delivery> deliveries = em.createNamedQuery(Delivery.WITH_MESSAGE, Delivery.class)
                .setParameter("ids", deliveryIds).getResultStream().filter(d -> d.getAccountId() == accountId)
                .collect(Collectors.toMap(Delivery::getId, Function.identity()));
        Map<Long, DeliveryPostalAddress> addresses = em.createNamedQuery(DeliveryPostalAddress.OF_DELIVERIES,
                        DeliveryPostalAddress.class).setParameter("ids", deliveryIds).setParameter("accountId", accountId)
                .getResultStream().collect(Collectors.toMap(DeliveryPostalAddress::getDeliveryId, Function.identity()));
        List<Long> messageIds = deliveries.values().stream().map(d -> d.getMessage().getId()).distinct().toList();
        if (messageIds.isEmpty()) {
            return List.of();
        }
        Map<Long, MessageContent> contents = parts.contents(messageIds);
        Map<Long, List<MessageAttachment>> files = parts.attachments(messageIds);
        List<Letter> letters = new ArrayList<>();
        for (Long id : deliveryIds) {
            Delivery delivery = deliveries.get(id);
            DeliveryPostalAddress address = addresses.get(id);
            if (delivery == null || address == null) {
                continue;
            }
            Message message = delivery.getMessage();
            MessageContent content = contents.get(message.getId());
            letters.add(new Letter(id, returnLine(message),
                    address.address().windowLines(delivery.getDisplayName()), dateLine, message.getSubject(),
                    content == null ? List.of() : LetterText.paragraphs(content.getTextBody(), content.getHtmlBody()),
                    files.getOrDefault(message.getId(), List.of()).stream().map(f -> new Letter.Enclosure(f.getFilename(),
                            f.getContentType(), f.getAttachment().getContent())).toList()));
        }
        return letters;
    }

    /** The sender as the return line shows it: the name the mail went out under, and its address. */
    static String returnLine(Message message) {
        return message.getSenderName() == null ? message.getSenderAddress()
                : message.getSenderName() + " \u00b7 " + message.getSenderAddress();
    }
}
