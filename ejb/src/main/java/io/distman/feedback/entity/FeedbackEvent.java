package io.distman.feedback.entity;

import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One piece of feedback about one delivery, whatever brought it (a provider's webhook, a returned
 * message, the tracking pixel, a click, an unsubscribe): every intake maps its input to these and hands
 * them to the one recorder, which finds the delivery, checks that it may, and records.
 *
 * @param source       timeline source: {@code WEBHOOK:<provider>}, DSN, ARF, PIXEL, CLICK, UNSUBSCRIBE
 * @param locator      how to find the delivery
 * @param accountScope the account whose URL the event came to (an account's own webhook URL), or
 *                     {@code null} when it came to one of the installation's URLs
 * @param recipient    the address the source says the event is about (lowercased), or {@code null}
 * @param status       what it means for the delivery, or {@code null} (kept, matched, but no change)
 * @param dedupeKey    identifies the report itself, so a repeat is recorded once; {@value #DELIVERY} in it is
 *                     replaced by the matched delivery's id (for sources whose key is per delivery)
 * @param payloadRef   where the raw input is kept ({@code provider_event:<id>}, {@code inbound_mail:<id>}, ...)
 */
public record FeedbackEvent(String source, Locator locator, Long accountScope, String recipient, DeliveryStatus status,
                            Instant occurredAt, Integer smtpCode, String enhancedCode, String diagnostic,
                            boolean machine, String provider, String dedupeKey, String payloadRef) {

    /** Placeholder in a dedupe key for the id of the delivery the event turns out to be about. */
    public static final String DELIVERY = "{delivery}";

    public FeedbackEvent {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        recipient = recipient == null || recipient.isBlank() ? null : recipient.strip().toLowerCase(Locale.ROOT);
    }

    /** The same event with what was learnt once its delivery was found (e.g. that a machine made the click). */
    public FeedbackEvent judged(boolean isMachine, String newDiagnostic, String newDedupeKey, String newPayloadRef) {
        return new FeedbackEvent(source, locator, accountScope, recipient, status, occurredAt, smtpCode, enhancedCode,
                newDiagnostic, isMachine, provider, newDedupeKey, newPayloadRef);
    }

    /**
     * What points at the delivery, strongest first. A link token (pixel, click, unsubscribe) and the VERP
     * return token are secrets minted per delivery: holding one is the proof. The delivery token providers
     * echo must carry our signature; the Message-ID or provider message id must agree with the recipient.
     *
     * @param deliveryToken our signed delivery token as echoed in provider metadata (or whatever was there)
     * @param linkPurpose   the purpose the link token was signed for ({@code open}, {@code click}, {@code unsubscribe})
     * @param linkToken     a signed link token
     * @param returnToken   the VERP token of the return path a bounce came back to
     * @param messageId     our Message-ID or the provider's message id, without angle brackets
     */
    public record Locator(String deliveryToken, String linkPurpose, String linkToken, String returnToken, String messageId) {

        public static Locator ofProvider(String deliveryToken, String providerMessageId) {
            return new Locator(deliveryToken, null, null, null, bare(providerMessageId));
        }

        public static Locator ofLink(String purpose, String token) {
            return new Locator(null, Objects.requireNonNull(purpose), token, null, null);
        }

        public static Locator ofBounce(String returnToken, String originalMessageId) {
            return new Locator(null, null, null, returnToken == null || returnToken.isEmpty() ? null : returnToken,
                    bare(originalMessageId));
        }

        /** A Message-ID or provider message id without its angle brackets; null when there is none. */
        public static String bare(String messageId) {
            if (messageId == null || messageId.isBlank()) {
                return null;
            }
            String id = messageId.strip();
            return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
        }
    }
}
