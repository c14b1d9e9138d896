package io.distman.feedback.entity;

import java.net.URI;
import java.util.List;

/**
 * What an Amazon SNS POST asked of us. Subscription handshakes are not events, and confirming one
 * means an outbound HTTP call, which belongs to the endpoint and not to the parser.
 */
public sealed interface SesWebhookResult {

    /** A notification carrying SES events (one per recipient). */
    record Events(List<ProviderEvent> events) implements SesWebhookResult {
        public Events {
            events = List.copyOf(events);
        }
    }

    /**
     * SNS wants the subscription confirmed: GET {@code subscribeUrl} (already checked to be an
     * https URL on an {@code sns.<region>.amazonaws.com} host).
     */
    record SubscriptionConfirmation(String topicArn, String messageId, URI subscribeUrl, String token, String message)
            implements SesWebhookResult {
    }

    /** The topic subscription was removed; {@code subscribeUrl} would re-subscribe. */
    record UnsubscribeConfirmation(String topicArn, String messageId, URI subscribeUrl, String token, String message)
            implements SesWebhookResult {
    }
}
