package io.distman.feedback.control.webhook;

import static io.distman.feedback.control.webhook.JsonFields.text;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Postmark webhooks: one record per POST, authenticated by HTTP Basic credentials. */
public final class PostmarkEventParser implements ProviderEventParser {

    private final RequestAuthenticator authenticator;
    private final PostmarkEventMapper mapper = new PostmarkEventMapper();

    /** @param authenticator normally a {@link BasicAuthAuthenticator} */
    public PostmarkEventParser(RequestAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public String provider() {
        return PostmarkEventMapper.PROVIDER;
    }

    @Override
    public List<ProviderEvent> parse(byte[] body, Map<String, String> headers) throws WebhookRejectedException {
        authenticator.authenticate(body, headers);
        JsonObject record = JsonBodies.readObject(body);
        if (text(record, "RecordType") == null) {
            // Inbound-mail webhooks have no RecordType; they belong to a different endpoint.
            throw new MalformedWebhookException("Postmark record without RecordType");
        }
        return List.of(mapper.map(record));
    }
}
