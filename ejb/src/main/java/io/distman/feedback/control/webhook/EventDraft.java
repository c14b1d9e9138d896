package io.distman.feedback.control.webhook;

import io.distman.bounce.boundary.SmtpStatusExtractor;
import io.distman.bounce.entity.SmtpStatus;
import io.distman.feedback.entity.ProviderEvent;
import io.distman.message.entity.DeliveryStatus;
import java.time.Instant;
import java.util.Locale;

/** Collects the fields of a {@link ProviderEvent} one by one, as the mappers find them. */
final class EventDraft {

    private final String provider;
    private final String eventType;
    private DeliveryStatus status;
    private String recipient;
    private String messageId;
    private String deliveryToken;
    private Instant occurredAt;
    private Integer smtpCode;
    private String enhancedCode;
    private String diagnostic;
    private String reason;
    private String eventId;
    private boolean machine;
    private String url;
    private String userAgent;
    private String rawJson;

    EventDraft(String provider, String eventType) {
        this.provider = provider;
        this.eventType = eventType == null ? "unknown" : eventType;
    }

    EventDraft status(DeliveryStatus value) {
        status = value;
        return this;
    }

    EventDraft recipient(String value) {
        recipient = value;
        return this;
    }

    EventDraft messageId(String value) {
        messageId = value;
        return this;
    }

    EventDraft deliveryToken(String value) {
        deliveryToken = DeliveryIds.token(value);
        return this;
    }

    EventDraft occurredAt(Instant value) {
        occurredAt = value;
        return this;
    }

    /** Codes from dedicated fields win; whatever is still missing is looked for in the diagnostic. */
    EventDraft smtp(SmtpStatus fromFields, String diagnosticText) {
        SmtpStatus reply = fromFields.orElse(SmtpStatusExtractor.fromText(diagnosticText));
        smtpCode = reply.code();
        enhancedCode = reply.enhancedCode();
        diagnostic = diagnosticText == null || diagnosticText.isBlank() ? null : diagnosticText;
        return this;
    }

    EventDraft reason(String value) {
        reason = value;
        return this;
    }

    EventDraft eventId(String value) {
        eventId = value;
        return this;
    }

    EventDraft machine(boolean value) {
        machine = value;
        return this;
    }

    EventDraft url(String value) {
        url = value;
        return this;
    }

    EventDraft userAgent(String value) {
        userAgent = value;
        return this;
    }

    EventDraft rawJson(String value) {
        rawJson = value;
        return this;
    }

    ProviderEvent build() {
        String normalisedRecipient = recipient == null ? null : recipient.strip().toLowerCase(Locale.ROOT);
        String id = eventId != null ? eventId
                : EventIds.derive(provider, eventType, status, messageId, normalisedRecipient, occurredAt);
        return new ProviderEvent(provider, eventType, status, recipient, messageId, deliveryToken, occurredAt,
                smtpCode, enhancedCode, diagnostic, reason, id, machine, url, userAgent, rawJson);
    }
}
