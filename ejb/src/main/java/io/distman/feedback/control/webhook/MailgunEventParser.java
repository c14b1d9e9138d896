package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.object;
import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Mailgun JSON webhooks: {@code {"signature": {...}, "event-data": {...}}}, one event per POST. */
public final class MailgunEventParser implements ProviderEventParser {

    private final MailgunSignatureVerifier verifier;
    private final MailgunEventMapper mapper = new MailgunEventMapper();

    public MailgunEventParser(MailgunSignatureVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public String provider() {
        return MailgunEventMapper.PROVIDER;
    }

    @Override
    public List<ProviderEvent> parse(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        JsonObject root = JsonBodies.readObject(body);
        JsonObject signature = object(root, "signature");
        if (signature == null) {
            throw new WebhookRejectedException("Mailgun webhook without signature");
        }
        verifier.verify(text(signature, "timestamp"), text(signature, "token"), text(signature, "signature"));
        JsonObject eventData = object(root, "event-data");
        if (eventData == null || text(eventData, "event") == null) {
            throw new MalformedWebhookException("Mailgun webhook without event-data.event");
        }
        return List.of(mapper.map(eventData));
    }
}
