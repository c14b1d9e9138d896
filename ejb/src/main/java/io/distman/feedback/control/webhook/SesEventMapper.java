package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.array;
import static io.distman.feedback.control.webhook.JsonFields.flag;
import static io.distman.feedback.control.webhook.JsonFields.object;
import static io.distman.feedback.control.webhook.JsonFields.text;
import static io.distman.feedback.control.webhook.JsonFields.texts;

import io.distman.bounce.boundary.SmtpStatusExtractor;
import io.distman.bounce.entity.SmtpStatus;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.message.entity.DeliveryStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps one SES notification (classic {@code notificationType} or event publishing {@code eventType})
 * to one event per recipient it concerns.
 */
final class SesEventMapper {

    static final String PROVIDER = "amazon-ses";

    /**
     * @param notificationId SNS MessageId, or {@code null} without an envelope
     * @param receivedAt     SNS Timestamp, used when the notification itself has no time
     */
    List<ProviderEvent> map(JsonObject notification, String notificationId, Instant receivedAt) {
        String type = text(notification, "eventType") != null
                ? text(notification, "eventType") : text(notification, "notificationType");
        if (type == null) {
            throw new MalformedWebhookException("SES notification without eventType or notificationType");
        }
        JsonObject mail = object(notification, "mail");
        JsonObject detail = object(notification, detailKey(type));
        Instant occurredAt = firstInstant(text(detail, "timestamp"), text(mail, "timestamp"), receivedAt);
        String baseId = notificationId != null ? notificationId : text(detail, "feedbackId");

        List<ProviderEvent> events = new ArrayList<>();
        for (Recipient recipient : recipients(type, detail, mail)) {
            EventDraft draft = new EventDraft(PROVIDER, type)
                    .status(status(type, detail))
                    .recipient(recipient.address())
                    .messageId(text(mail, "messageId"))
                    .deliveryToken(firstTag(mail, ProviderEvent.DELIVERY_ID_KEY))
                    .occurredAt(occurredAt)
                    .reason(reason(type, detail))
                    // One notification may name several recipients; each needs its own id.
                    .eventId(baseId == null ? null
                            : recipient.address() == null ? baseId : baseId + ":" + recipient.address().toLowerCase(Locale.ROOT))
                    .url("Click".equals(type) ? text(detail, "link") : null)
                    .userAgent("Open".equals(type) || "Click".equals(type) ? text(detail, "userAgent") : null)
                    .rawJson(notification.toString());
            events.add(draft.smtp(new SmtpStatus(null, SmtpStatusExtractor.enhancedCode(recipient.status())),
                    recipient.diagnostic() != null ? recipient.diagnostic() : diagnostic(type, detail)).build());
        }
        return events;
    }

    static DeliveryStatus status(String type, JsonObject detail) {
        return switch (type) {
            // SES sends a Transient bounce only after it gave up retrying, but the address may work later.
            case "Bounce" -> "Transient".equals(text(detail, "bounceType"))
                    ? DeliveryStatus.TEMPORARY_FAILURE : DeliveryStatus.FAILED;
            case "Complaint" -> DeliveryStatus.COMPLAINED;
            case "Delivery" -> DeliveryStatus.DELIVERED;
            case "DeliveryDelay" -> DeliveryStatus.TEMPORARY_FAILURE;
            case "Send" -> DeliveryStatus.ACCEPTED;
            // A template that fails to render means nothing was sent: refused at submission.
            case "Reject", "Rendering Failure" -> DeliveryStatus.REJECTED;
            case "Open" -> DeliveryStatus.OPENED;
            case "Click" -> DeliveryStatus.CLICKED;
            // Topic-level opt-outs leave other mail allowed; only a full opt-out is an unsubscribe.
            case "Subscription" -> flag(object(detail, "newTopicPreferences"), "unsubscribeAll")
                    ? DeliveryStatus.UNSUBSCRIBED : null;
            default -> null;
        };
    }

    private static String detailKey(String type) {
        return switch (type) {
            case "Rendering Failure" -> "failure";
            case "DeliveryDelay" -> "deliveryDelay";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    private static String reason(String type, JsonObject detail) {
        return switch (type) {
            case "Bounce" -> join(text(detail, "bounceType"), text(detail, "bounceSubType"));
            case "Complaint" -> text(detail, "complaintFeedbackType") != null
                    ? text(detail, "complaintFeedbackType") : text(detail, "complaintSubType");
            case "DeliveryDelay" -> text(detail, "delayType");
            case "Reject" -> text(detail, "reason");
            case "Subscription" -> text(detail, "source");
            default -> null;
        };
    }

    private static String diagnostic(String type, JsonObject detail) {
        return switch (type) {
            case "Delivery" -> text(detail, "smtpResponse");
            case "Reject" -> text(detail, "reason");
            case "Rendering Failure" -> text(detail, "errorMessage");
            default -> null;
        };
    }

    private record Recipient(String address, String status, String diagnostic) {
    }

    private static List<Recipient> recipients(String type, JsonObject detail, JsonObject mail) {
        List<Recipient> result = new ArrayList<>();
        JsonArray listed = switch (type) {
            case "Bounce" -> array(detail, "bouncedRecipients");
            case "Complaint" -> array(detail, "complainedRecipients");
            case "DeliveryDelay" -> array(detail, "delayedRecipients");
            case "Delivery" -> array(detail, "recipients");
            default -> null;
        };
        if (listed != null) {
            for (JsonValue item : listed) {
                if (item instanceof JsonObject entry) {
                    result.add(new Recipient(Addresses.single(text(entry, "emailAddress")),
                            text(entry, "status"), text(entry, "diagnosticCode")));
                } else {
                    result.add(new Recipient(Addresses.single(JsonFields.text(item)), null, null));
                }
            }
        }
        if (result.isEmpty()) {
            // Events about the message as a whole (Send, Open, Reject...) concern every destination.
            for (String destination : texts(array(mail, "destination"), null)) {
                result.add(new Recipient(Addresses.single(destination), null, null));
            }
        }
        if (result.isEmpty()) {
            result.add(new Recipient(null, null, null));
        }
        return result;
    }

    private static String firstTag(JsonObject mail, String key) {
        List<String> values = texts(array(object(mail, "tags"), key), null);
        return values.isEmpty() ? null : values.get(0);
    }

    private static Instant firstInstant(String first, String second, Instant fallback) {
        Instant instant = Timestamps.fromIso(first);
        if (instant == null) {
            instant = Timestamps.fromIso(second);
        }
        return instant != null ? instant : fallback;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "/" + second;
    }
}
