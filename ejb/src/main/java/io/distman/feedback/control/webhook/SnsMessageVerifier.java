package io.distman.feedback.control.webhook;

import io.distman.feedback.entity.WebhookRejectedException;
import jakarta.json.JsonObject;

/** Decides whether an SNS envelope, or an SES notification without one, may be trusted. */
public interface SnsMessageVerifier {

    /** Checks a parsed SNS envelope (Notification, SubscriptionConfirmation, UnsubscribeConfirmation). */
    void verify(JsonObject envelope) throws WebhookRejectedException;

    /**
     * Whether SES JSON without an SNS envelope (SNS "raw message delivery") may be accepted. Such a
     * body carries no signature, so a verifying implementation must say no.
     */
    boolean acceptsUnsigned();

    /**
     * Trusts everything. Only for replaying stored notifications whose signatures cannot be checked
     * offline; the name is meant to stand out in a code review.
     */
    static SnsMessageVerifier insecureAcceptAll() {
        return new SnsMessageVerifier() {
            @Override
            public void verify(JsonObject envelope) {
                // deliberately nothing
            }

            @Override
            public boolean acceptsUnsigned() {
                return true;
            }
        };
    }
}
