package io.distman.feedback.entity;

import io.distman.message.entity.DeliveryStatus;
import io.distman.tracking.boundary.DeliveryTokens;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One provider event about one recipient of one message, in a shape shared by all providers.
 *
 * @param provider          provider key, e.g. {@code mailgun}, {@code amazon-ses}, {@code sendgrid}, {@code postmark}
 * @param eventType         the provider's own name for the event, kept so nothing is lost in the mapping
 * @param status            our status, or {@code null} when none fits (re-subscribe, auto-reply, test events)
 * @param recipient         lowercased address, or {@code null} when the provider does not name one
 * @param providerMessageId the id the provider's send API returned, as that provider spells it
 * @param deliveryToken     our delivery token, read back from the {@value #DELIVERY_ID_KEY} metadata, as given
 *                          (signed by us, or a bare id, or someone else's value: the recorder decides)
 * @param occurredAt        when the provider says it happened
 * @param smtpCode          SMTP reply code (Mailgun also uses its own 6xx codes here)
 * @param enhancedCode      RFC 3463 code such as {@code 5.1.1}
 * @param diagnostic        the remote server's or provider's explanation
 * @param reason            the provider's finer classification (SES bounceSubType, Mailgun reason,
 *                          SendGrid bounce type, Postmark bounce Type or SuppressionReason)
 * @param eventId           a stable id for de-duplication, unique per provider
 * @param machine           the open or click came from a machine (SendGrid {@code sg_machine_open})
 * @param url               click target
 * @param userAgent         user agent of an open or click
 * @param rawJson           the provider's JSON for this event, for audit
 */
public record ProviderEvent(
        String provider,
        String eventType,
        DeliveryStatus status,
        String recipient,
        String providerMessageId,
        String deliveryToken,
        Instant occurredAt,
        Integer smtpCode,
        String enhancedCode,
        String diagnostic,
        String reason,
        String eventId,
        boolean machine,
        String url,
        String userAgent,
        String rawJson) {

    /** Metadata key under which we send our delivery id to every provider. */
    public static final String DELIVERY_ID_KEY = DeliveryTokens.METADATA_KEY;

    public ProviderEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventId, "eventId");
        // Providers echo addresses in the case they were given; matching must not depend on it.
        recipient = recipient == null || recipient.isBlank() ? null : recipient.strip().toLowerCase(Locale.ROOT);
    }
}
