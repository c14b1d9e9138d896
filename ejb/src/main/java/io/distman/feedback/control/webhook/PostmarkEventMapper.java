package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.flag;
import static io.distman.feedback.control.webhook.JsonFields.object;
import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.bounce.entity.SmtpStatus;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.message.entity.DeliveryStatus;
import jakarta.json.JsonObject;

/**
 * Maps one Postmark webhook record. Bounces are classified by {@code Type}, not {@code TypeCode}:
 * Postmark's own samples disagree with its bounce table on the codes.
 */
final class PostmarkEventMapper {

    static final String PROVIDER = "postmark";

    ProviderEvent map(JsonObject record) {
        String recordType = text(record, "RecordType");
        String type = text(record, "Type");
        String suppressionReason = text(record, "SuppressionReason");
        boolean bounceLike = "Bounce".equals(recordType) || "SpamComplaint".equals(recordType);

        String diagnostic = text(record, "Details") != null ? text(record, "Details") : text(record, "Description");
        String eventId = text(record, "ID") != null ? recordType + ":" + text(record, "ID") : null;

        return new EventDraft(PROVIDER, recordType)
                .status(status(recordType, type, flag(record, "SuppressSending"),
                        suppressionReason))
                .recipient(text(record, "Email") != null ? text(record, "Email") : text(record, "Recipient"))
                .messageId(text(record, "MessageID"))
                .deliveryToken(text(object(record, "Metadata"), ProviderEvent.DELIVERY_ID_KEY))
                .occurredAt(Timestamps.fromIso(firstText(record, "DeliveredAt", "BouncedAt", "ReceivedAt", "ChangedAt")))
                // Only bounce records carry diagnostics; a Delivery's Details is just "Test delivery webhook details".
                .smtp(SmtpStatus.NONE, bounceLike ? diagnostic : null)
                .reason(bounceLike ? type : suppressionReason)
                // Bounce IDs are unique per bounce record; other records have no id at all.
                .eventId(eventId)
                .url(text(record, "OriginalLink"))
                .userAgent(text(record, "UserAgent"))
                .rawJson(record.toString())
                .build();
    }

    static DeliveryStatus status(String recordType, String type, boolean suppressSending, String suppressionReason) {
        if (recordType == null) {
            return null;
        }
        return switch (recordType) {
            case "Delivery" -> DeliveryStatus.DELIVERED;
            case "Open" -> DeliveryStatus.OPENED;
            case "Click" -> DeliveryStatus.CLICKED;
            case "Bounce", "SpamComplaint" -> bounceStatus(type, recordType);
            case "SubscriptionChange" -> suppressSending ? suppressionStatus(suppressionReason) : null;
            default -> null;
        };
    }

    private static DeliveryStatus bounceStatus(String type, String recordType) {
        if (type == null) {
            return "SpamComplaint".equals(recordType) ? DeliveryStatus.COMPLAINED : DeliveryStatus.FAILED;
        }
        return switch (type) {
            case "HardBounce", "VirusNotification", "SMTPApiError" -> DeliveryStatus.FAILED;
            case "Transient", "SoftBounce", "DnsError" -> DeliveryStatus.TEMPORARY_FAILURE;
            case "Unsubscribe", "ManualSuppression" -> DeliveryStatus.UNSUBSCRIBED;
            case "SpamComplaint", "SpamNotification" -> DeliveryStatus.COMPLAINED;
            // Postmark refused to send (inactive, unconfirmed or blocked address, DMARC, template).
            case "BadEmailAddress", "ManuallyDeactivated", "Unconfirmed", "Blocked", "DMARCPolicy",
                    "TemplateRenderingFailed" -> DeliveryStatus.REJECTED;
            // Auto-replies, address-change notices, challenge mails, relay tests, inbound errors:
            // the message itself was not refused.
            default -> null;
        };
    }

    private static DeliveryStatus suppressionStatus(String reason) {
        if (reason == null) {
            return DeliveryStatus.UNSUBSCRIBED;
        }
        return switch (reason) {
            case "HardBounce" -> DeliveryStatus.FAILED;
            case "SpamComplaint" -> DeliveryStatus.COMPLAINED;
            default -> DeliveryStatus.UNSUBSCRIBED; // ManualSuppression and anything new
        };
    }

    private static String firstText(JsonObject record, String... keys) {
        for (String key : keys) {
            String value = text(record, key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
