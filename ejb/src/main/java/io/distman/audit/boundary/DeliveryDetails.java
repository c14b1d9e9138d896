package io.distman.audit.boundary;

import io.distman.audit.control.TimelineWording;
import io.distman.message.entity.Category;
import io.distman.message.entity.DeliveryStatus;
import io.distman.message.entity.RecipientType;
import io.distman.message.entity.StatusGroups;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Everything the View dialog shows about one delivery: the message as sent, its status and its timeline;
 * {@code serialMailingId} is the serial mailing it is a letter of (null for other mail).
 */
public record DeliveryDetails(long deliveryId, long messageId, String subject, String from, RecipientType recipientType,
                              String address, List<String> to, List<String> cc, String raisedBy, String sourceModule,
                              String sourceRef, Long serialMailingId, Category category, Instant createdAt, Instant sentAt,
                              DeliveryStatus status, Instant statusAt, Integer smtpCode, String enhancedCode,
                              String diagnostic, String provider, int attempts, Instant nextAttemptAt,
                              String textBody, boolean hasHtml, List<AttachmentInfo> attachments, List<Header> headers,
                              List<Event> timeline, SuppressionInfo suppression, String recommendedAction,
                              Long resendOf, List<Long> resends) implements Serializable {

    /** One attached file; {@code ordinal} is its id within the message (the download URL uses it). */
    public record AttachmentInfo(int ordinal, String filename, String contentType, long sizeBytes) implements Serializable {
    }

    public record Header(String name, String value) implements Serializable {
    }

    /**
     * One timeline entry: what was stored, and {@code what} happened and {@code by} whom in an agent's words
     * ({@link TimelineWording}), which the View shows instead of the codes.
     */
    public record Event(Instant occurredAt, Instant recordedAt, DeliveryStatus status, String source, Integer smtpCode,
                        String enhancedCode, String diagnostic, String provider, boolean machine, String what,
                        String by) implements Serializable {
    }

    /** Attempts mean something once the mail was tried; a mail refused or reported on before sending has none. */
    public boolean attemptsApply() {
        return attempts > 0;
    }

    /** A next attempt applies only while the mail still waits to go (Queue statuses), not after a final answer. */
    public boolean nextAttemptApplies() {
        return nextAttemptAt != null && StatusGroups.QUEUED.contains(status);
    }

    /** The provider as its customers name it ("Postmark"), not our key ("postmark"). */
    public String providerName() {
        return TimelineWording.provider(provider);
    }

    /** Why the address is suppressed right now (issue 4): agents see the reason, support can lift it. */
    public record SuppressionInfo(String reason, String detail, Instant since, Instant expiresAt, Category category,
                                  Long sourceDeliveryId) implements Serializable {
    }

    /** The bytes of an attached file, for download. */
    public record AttachmentFile(String filename, String contentType, byte[] content) {
    }
}
