package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.SesWebhookResult;
import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Amazon SES notifications, delivered by SNS in an envelope whose {@code Message} is the SES JSON
 * as a string, or as bare SES JSON when the subscription uses raw message delivery.
 */
public final class AmazonSesEventParser implements ProviderEventParser {

    private final SnsMessageVerifier verifier;
    private final SesEventMapper mapper = new SesEventMapper();

    /** @param verifier normally a {@link SnsSignatureVerifier} */
    public AmazonSesEventParser(SnsMessageVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public String provider() {
        return SesEventMapper.PROVIDER;
    }

    /**
     * The events of a notification; empty for subscription handshakes. An endpoint that must
     * confirm its SNS subscription calls {@link #parseWebhook} instead.
     */
    @Override
    public List<ProviderEvent> parse(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        return parseWebhook(body, headers) instanceof SesWebhookResult.Events events ? events.events() : List.of();
    }

    public SesWebhookResult parseWebhook(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        JsonObject root = JsonBodies.readObject(body);
        String snsType = text(root, "Type");
        if (snsType == null) {
            return raw(root);
        }
        verifier.verify(root);
        return switch (snsType) {
            case "Notification" -> notification(root);
            case "SubscriptionConfirmation" -> new SesWebhookResult.SubscriptionConfirmation(
                    text(root, "TopicArn"), text(root, "MessageId"),
                    SnsUrlPolicy.subscribeUrl(text(root, "SubscribeURL")), text(root, "Token"), text(root, "Message"));
            case "UnsubscribeConfirmation" -> new SesWebhookResult.UnsubscribeConfirmation(
                    text(root, "TopicArn"), text(root, "MessageId"),
                    SnsUrlPolicy.subscribeUrl(text(root, "SubscribeURL")), text(root, "Token"), text(root, "Message"));
            default -> throw new MalformedWebhookException("unknown SNS message type: " + snsType);
        };
    }

    private SesWebhookResult notification(JsonObject envelope) {
        String message = text(envelope, "Message");
        if (message == null) {
            throw new MalformedWebhookException("SNS notification without Message");
        }
        JsonObject notification = JsonBodies.readObject(message);
        return new SesWebhookResult.Events(mapper.map(notification, text(envelope, "MessageId"),
                Timestamps.fromIso(text(envelope, "Timestamp"))));
    }

    private SesWebhookResult raw(JsonObject root) throws WebhookRejectedException {
        if (text(root, "eventType") == null && text(root, "notificationType") == null) {
            throw new MalformedWebhookException("neither an SNS envelope nor an SES notification");
        }
        if (!verifier.acceptsUnsigned()) {
            throw new WebhookRejectedException("unsigned SES notification (raw message delivery) not accepted");
        }
        return new SesWebhookResult.Events(mapper.map(root, null, null));
    }
}
