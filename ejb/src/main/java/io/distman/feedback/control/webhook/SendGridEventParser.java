package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** SendGrid Event Webhook: a JSON array of events per POST. */
public final class SendGridEventParser implements ProviderEventParser {

    private final RequestAuthenticator authenticator;
    private final SendGridEventMapper mapper = new SendGridEventMapper();

    /** @param authenticator normally a {@link SendGridSignatureVerifier} */
    public SendGridEventParser(RequestAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public String provider() {
        return SendGridEventMapper.PROVIDER;
    }

    @Override
    public List<ProviderEvent> parse(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        authenticator.authenticate(body, headers);
        JsonStructure json = JsonBodies.read(body);
        // Real batches are arrays; SendGrid's published signature test vector is a lone object.
        if (json instanceof JsonObject single) {
            return List.of(mapper.map(single));
        }
        JsonArray batch = (JsonArray) json;
        List<ProviderEvent> events = new ArrayList<>(batch.size());
        for (JsonValue element : batch) {
            if (!(element instanceof JsonObject event)) {
                throw new MalformedWebhookException("SendGrid batch element is not an object");
            }
            events.add(mapper.map(event));
        }
        return events;
    }
}
