package io.distman.message.boundary;

import io.distman.message.entity.MessageAttachment;
import io.distman.message.entity.MessageContent;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The archived parts of some messages, two queries for any number: bodies and attachments (with their bytes) by
 * message id. The dispatcher renders mail from them and the print queue lays out letters; callers have already bound
 * the message ids to an account.
 */
@Dependent
public class MessageParts {

    @PersistenceContext(unitName = "distman")
    EntityManager em;

    public Map<Long, MessageContent> contents(List<Long> messageIds) {
        return em.createNamedQuery(MessageContent.OF_MESSAGES, MessageContent.class)
                .setParameter("messageIds", messageIds).getResultStream()
                .collect(Collectors.toMap(MessageContent::getMessageId, Function.identity()));
    }

    /** Each message's attachments in the order they were attached. */
    public Map<Long, List<MessageAttachment>> attachments(List<Long> messageIds) {
        return em.createNamedQuery(MessageAttachment.OF_MESSAGES, MessageAttachment.class)
                .setParameter("messageIds", messageIds).getResultStream()
                .collect(Collectors.groupingBy(MessageAttachment::getMessageId));
    }
}
