package io.distman.message.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a delivery, as reported by one source. The dedupe key identifies the
 * report itself (a provider's event id, our attempt number), so seeing it again stores nothing.
 *
 * @param source  where it came from: SUBMISSION, SMTP, USER, DISPATCH, WEBHOOK:mailgun, DSN, ARF, PIXEL, CLICK, UNSUBSCRIBE
 * @param machine an open or click by a privacy proxy or link scanner: kept in the timeline, never moves the status
 */
public record StatusChange(DeliveryStatus status, Instant occurredAt, String source, Integer smtpCode,
                           String enhancedCode, String diagnostic, String provider, String dedupeKey,
                           String payloadRef, boolean machine) {

    /**
     * The source of a held delivery's event that repeats its digest delivery's outcome. What the outcome means for
     * the address (a soft or hard bounce, a delivery clearing the soft count) was drawn once, from the digest
     * delivery's own event; the held deliveries' copies must not count it again.
     */
    public static final String DIGEST_SOURCE = "DIGEST";

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
    }

    public static StatusChange of(DeliveryStatus status, Instant occurredAt, String source, String diagnostic,
                                  String dedupeKey) {
        return new StatusChange(status, occurredAt, source, null, null, diagnostic, null, dedupeKey, null, false);
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
