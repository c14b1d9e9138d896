package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.flag;
import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.bounce.boundary.SmtpStatusExtractor;
import io.distman.bounce.entity.SmtpStatus;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.message.entity.DeliveryStatus;
import jakarta.json.JsonObject;

/** Maps one element of a SendGrid Event Webhook batch. */
final class SendGridEventMapper {

    static final String PROVIDER = "sendgrid";

    ProviderEvent map(JsonObject event) {
        String type = text(event, "event");
        String bounceType = text(event, "type");
        String diagnostic = text(event, "response") != null ? text(event, "response") : text(event, "reason");
        String reason = "dropped".equals(type) ? text(event, "reason")
                : bounceType != null ? bounceType : text(event, "bounce_classification");

        return new EventDraft(PROVIDER, type)
                .status(status(type, bounceType))
                .recipient(text(event, "email"))
                // message_id only occurs in SendGrid's signature test event.
                .messageId(text(event, "sg_message_id") != null ? text(event, "sg_message_id") : text(event, "message_id"))
                // Custom args arrive as top-level fields of the event.
                .deliveryToken(text(event, ProviderEvent.DELIVERY_ID_KEY))
                .occurredAt(Timestamps.fromEpochSeconds(text(event, "timestamp")))
                .smtp(new SmtpStatus(null, SmtpStatusExtractor.enhancedCode(text(event, "status"))), diagnostic)
                .reason(reason)
                .eventId(text(event, "sg_event_id"))
                .machine(flag(event, "sg_machine_open"))
                .url(text(event, "url"))
                .userAgent(text(event, "useragent"))
                .rawJson(event.toString())
                .build();
    }

    static DeliveryStatus status(String type, String bounceType) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "processed" -> DeliveryStatus.ACCEPTED;
            case "deferred" -> DeliveryStatus.TEMPORARY_FAILURE;
            case "delivered" -> DeliveryStatus.DELIVERED;
            // A machine open stays OPENED with machine=true: the consumer decides what it is worth.
            case "open" -> DeliveryStatus.OPENED;
            case "click" -> DeliveryStatus.CLICKED;
            // SendGrid documents "blocked" as a temporary refusal, although its examples show 5xx codes.
            case "bounce" -> "blocked".equals(bounceType) ? DeliveryStatus.TEMPORARY_FAILURE : DeliveryStatus.FAILED;
            case "dropped" -> DeliveryStatus.REJECTED;
            case "spamreport" -> DeliveryStatus.COMPLAINED;
            case "unsubscribe", "group_unsubscribe" -> DeliveryStatus.UNSUBSCRIBED;
            default -> null; // group_resubscribe, test events, anything new
        };
    }
}
