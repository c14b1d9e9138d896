package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * The canonical text SNS signs: selected envelope fields as {@code name\nvalue\n}, in byte order of
 * the names. Which fields depends on the message type; Subject only counts when present.
 */
final class SnsStringToSign {

    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");

    private SnsStringToSign() {
    }

    static String of(JsonObject envelope) throws WebhookRejectedException {
        String type = JsonFields.text(envelope, "Type");
        List<String> fields;
        if ("Notification".equals(type)) {
            fields = NOTIFICATION_FIELDS;
        } else if ("SubscriptionConfirmation".equals(type) || "UnsubscribeConfirmation".equals(type)) {
            fields = CONFIRMATION_FIELDS;
        } else {
            throw new WebhookRejectedException("unknown SNS message type: " + type);
        }
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            // Raw value: JsonFields.text would drop a blank Message, changing what was signed.
            String value = envelope.get(field) instanceof JsonString s ? s.getString() : null;
            if (value == null) {
                if ("Subject".equals(field)) {
                    continue;
                }
                throw new WebhookRejectedException("SNS message lacks signed field " + field);
            }
            text.append(field).append('\n').append(value).append('\n');
        }
        return text.toString();
    }
}
