package io.distman.feedback.control.webhook;

import io.distman.message.entity.DeliveryStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Stand-in event ids for providers that send none. Built only from fields a provider repeats
 * unchanged when it retries a POST, so a retry gets the same id and is de-duplicated. The mapped
 * status takes part because one provider event type can mean opposite things: a Postmark
 * SubscriptionChange suppressing and one re-activating the same address in the same second must
 * not collapse into one.
 */
final class EventIds {

    private EventIds() {
    }

    static String derive(String provider, String eventType, DeliveryStatus status, String messageId, String recipient,
                         Instant occurredAt) {
        StringBuilder key = new StringBuilder();
        // A separator that cannot occur in the parts keeps ("ab","c") and ("a","bc") apart.
        for (Object part : new Object[] {provider, eventType, status, messageId, recipient, occurredAt}) {
            key.append(part == null ? "" : part.toString()).append('\u0000');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }
}
