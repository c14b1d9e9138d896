package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.integer;
import static io.distman.feedback.control.webhook.JsonFields.object;
import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.bounce.boundary.SmtpStatusExtractor;
import io.distman.bounce.entity.SmtpStatus;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.message.entity.DeliveryStatus;
import jakarta.json.JsonObject;

/** Maps Mailgun's {@code event-data} object (webhook API of June 2018 and later). */
final class MailgunEventMapper {

    static final String PROVIDER = "mailgun";

    ProviderEvent map(JsonObject eventData) {
        String event = text(eventData, "event");
        JsonObject headers = object(object(eventData, "message"), "headers");

        String recipient = text(eventData, "recipient");
        if (recipient == null) {
            // "rejected" events name no recipient; the To header is all there is.
            recipient = Addresses.single(text(headers, "to"));
        }

        EventDraft draft = new EventDraft(PROVIDER, event)
                .status(status(event, text(eventData, "severity")))
                .recipient(recipient)
                .messageId(stripAngleBrackets(text(headers, "message-id")))
                .deliveryToken(text(object(eventData, "user-variables"), ProviderEvent.DELIVERY_ID_KEY))
                .occurredAt(Timestamps.fromEpochSeconds(text(eventData, "timestamp")))
                .reason(text(eventData, "reason"))
                .eventId(text(eventData, "id"))
                .url(text(eventData, "url"))
                .userAgent(text(object(eventData, "client-info"), "user-agent"))
                .rawJson(eventData.toString());

        JsonObject deliveryStatus = object(eventData, "delivery-status");
        JsonObject reject = object(eventData, "reject");
        String diagnostic = firstNonNull(text(deliveryStatus, "message"), text(deliveryStatus, "description"),
                text(reject, "reason"), text(reject, "description"));
        SmtpStatus fields = new SmtpStatus(integer(deliveryStatus, "code"),
                SmtpStatusExtractor.enhancedCode(text(deliveryStatus, "enhanced-code")));
        return draft.smtp(fields, diagnostic).build();
    }

    static DeliveryStatus status(String event, String severity) {
        if (event == null) {
            return null;
        }
        return switch (event) {
            case "accepted" -> DeliveryStatus.ACCEPTED;
            case "rejected" -> DeliveryStatus.REJECTED;
            case "delivered" -> DeliveryStatus.DELIVERED;
            // Mailgun has stopped retrying only when it says so; anything else it will retry.
            case "failed" -> "temporary".equals(severity) ? DeliveryStatus.TEMPORARY_FAILURE : DeliveryStatus.FAILED;
            case "opened" -> DeliveryStatus.OPENED;
            case "clicked" -> DeliveryStatus.CLICKED;
            case "complained" -> DeliveryStatus.COMPLAINED;
            case "unsubscribed" -> DeliveryStatus.UNSUBSCRIBED;
            default -> null;
        };
    }

    // The send API returns the id in angle brackets, webhooks without; we store the bare form.
    static String stripAngleBrackets(String messageId) {
        if (messageId != null && messageId.length() > 1 && messageId.startsWith("<") && messageId.endsWith(">")) {
            return messageId.substring(1, messageId.length() - 1);
        }
        return messageId;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
