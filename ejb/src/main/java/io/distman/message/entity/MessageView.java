package io.distman.message.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A message with each recipient's delivery, status and timeline: what GET /messages/{id} returns. */
public record MessageView(long id, String raisedBy, String sourceModule, String sourceRef, Category category,
                          Priority priority, String senderAddress, String subject, Instant sendAt, Instant createdAt,
                          List<String> attachments, List<DeliveryView> deliveries) implements Serializable {

    /** One recipient's delivery. */
    public record DeliveryView(long id, RecipientType type, String address, DeliveryStatus status, Instant statusAt,
                               String statusDetail, Integer smtpCode, String enhancedCode, String provider,
                               String messageIdHeader, int attempts, Instant nextAttemptAt, Long resendOf,
                               List<EventView> timeline) implements Serializable {
    }

    /** One line of a timeline. */
    public record EventView(DeliveryStatus status, Instant occurredAt, Instant recordedAt, String source,
                            Integer smtpCode, String enhancedCode, String diagnostic, String provider)
            implements Serializable {
    }
}
