package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import java.util.Map;

/** Decides from the raw request alone whether it comes from the provider. */
@FunctionalInterface
public interface RequestAuthenticator {

    void authenticate(byte[] body, Map<String, String> headers) throws WebhookRejectedException;

    /**
     * Lets every request through. Only for replaying stored payloads whose credentials are unknown;
     * the name is meant to stand out in a code review.
     */
    static RequestAuthenticator insecureAcceptAll() {
        return (body, headers) -> { };
    }
}
