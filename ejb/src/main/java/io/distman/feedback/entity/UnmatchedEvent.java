package io.distman.feedback.entity;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;

/**
 * A provider event that matched no delivery, as support sees it in a list (the provider's JSON is
 * fetched apart, for one event at a time).
 *
 * @param accountId the account whose webhook URL received it, {@code null} for the installation's URL
 * @param reason    why it matched no delivery (null for events kept before the reason was)
 */
public record UnmatchedEvent(long id, Long accountId, String provider, String eventId, String eventType,
                             DeliveryStatus status, String recipient, String providerMessageId,
                             Instant occurredAt, Instant receivedAt, String reason) {
}
