package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.ProviderEvent;
import io.distman.feedback.entity.WebhookRejectedException;
import java.util.List;
import java.util.Map;

/**
 * Turns one webhook POST of one provider into provider events.
 * Implementations authenticate the request before trusting anything in it.
 */
public interface ProviderEventParser {

    /** Provider key, the same as {@link ProviderEvent#provider()}. */
    String provider();

    /**
     * @param body    the raw request body, exactly as received (signatures cover these bytes)
     * @param headers request headers; names are matched case-insensitively
     * @return the events in the order the provider listed them; empty when the POST carries none
     * @throws WebhookRejectedException   authentication failed, or the request is stale or replayed
     * @throws MalformedWebhookException  the body is not the JSON this provider sends
     */
    List<ProviderEvent> parse(byte[] body, Map<String, String> headers) throws WebhookRejectedException;
}
