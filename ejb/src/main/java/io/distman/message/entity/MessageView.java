package io.distman.message.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A message with each recipient's delivery, status and timeline: what GET /messages/{id} returns. */
public final class MessageView implements Serializable {

    private static final long serialVersionUID = 1L;

    public final long id;
    public final String raisedBy;
    public final String sourceModule;
    public final String sourceRef;
    public final Category category;
    public final Priority priority;
    public final String senderAddress;
    public final String subject;
    public final Instant sendAt;
    public final Instant createdAt;
    public final List<String> attachments;
    public final List<DeliveryView> deliveries;
    /** The serial mailing this message is one of ({@code GET /serial/mailings/{id}}); null for other mail. */
    public final Long serialMailingId;

    public MessageView(long id, String raisedBy, String sourceModule, String sourceRef, Category category, Priority priority, String senderAddress, String subject, Instant sendAt, Instant createdAt, List<String> attachments, List<DeliveryView> deliveries) {
        this(id, raisedBy, sourceModule, sourceRef, category, priority, senderAddress, subject, sendAt, createdAt, attachments,
                deliveries, null);
    }

    public MessageView(long id, String raisedBy, String sourceModule, String sourceRef, Category category, Priority priority, String senderAddress, String subject, Instant sendAt, Instant createdAt, List<String> attachments, List<DeliveryView> deliveries, Long serialMailingId) {
        this.serialMailingId = serialMailingId;
        this.id = id;
        this.raisedBy = raisedBy;
        this.sourceModule = sourceModule;
        this.sourceRef = sourceRef;
        this.category = category;
        this.priority = priority;
        this.senderAddress = senderAddress;
        this.subject = subject;
        this.sendAt = sendAt;
        this.createdAt = createdAt;
        this.attachments = attachments;
        this.deliveries = deliveries;
    }

    public long id() {
        return id;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public String sourceModule() {
        return sourceModule;
    }

    public String sourceRef() {
        return sourceRef;
    }

    public Category category() {
        return category;
    }

    public Priority priority() {
        return priority;
    }

    public String senderAddress() {
        return senderAddress;
    }

    public String subject() {
        return subject;
    }

    public Instant sendAt() {
        return sendAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<String> attachments() {
        return attachments;
    }

    public List<DeliveryView> deliveries() {
        return deliveries;
    }

    public Long serialMailingId() {
        return serialMailingId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageView o && id == o.id && java.util.Objects.equals(serialMailingId, o.serialMailingId) && java.util.Objects.equals(raisedBy, o.raisedBy) && java.util.Objects.equals(sourceModule, o.sourceModule) && java.util.Objects.equals(sourceRef, o.sourceRef) && java.util.Objects.equals(category, o.category) && java.util.Objects.equals(priority, o.priority) && java.util.Objects.equals(senderAddress, o.senderAddress) && java.util.Objects.equals(subject, o.subject) && java.util.Objects.equals(sendAt, o.sendAt) && java.util.Objects.equals(createdAt, o.createdAt) && java.util.Objects.equals(attachments, o.attachments) && java.util.Objects.equals(deliveries, o.deliveries);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, raisedBy, sourceModule, sourceRef, category, priority, senderAddress, subject, sendAt, createdAt, attachments, deliveries, serialMailingId);
    }

    /** One recipient's delivery. */
    public static final class DeliveryView implements Serializable {

        private static final long serialVersionUID = 1L;

        public final long id;
        public final RecipientType type;
        public final String address;
        public final DeliveryStatus status;
        public final Instant statusAt;
        public final String statusDetail;
        public final Integer smtpCode;
        public final String enhancedCode;
        public final String provider;
        public final String messageIdHeader;
        public final int attempts;
        public final Instant nextAttemptAt;
        public final Long resendOf;
        public final List<EventView> timeline;
        /** Where a letter to the recipient goes (print queue); null when none was given. */
        public final PostalAddress postalAddress;

        public DeliveryView(long id, RecipientType type, String address, DeliveryStatus status, Instant statusAt, String statusDetail, Integer smtpCode, String enhancedCode, String provider, String messageIdHeader, int attempts, Instant nextAttemptAt, Long resendOf, List<EventView> timeline) {
            this(id, type, address, status, statusAt, statusDetail, smtpCode, enhancedCode, provider, messageIdHeader,
                    attempts, nextAttemptAt, resendOf, timeline, null);
        }

        public DeliveryView(long id, RecipientType type, String address, DeliveryStatus status, Instant statusAt, String statusDetail, Integer smtpCode, String enhancedCode, String provider, String messageIdHeader, int attempts, Instant nextAttemptAt, Long resendOf, List<EventView> timeline, PostalAddress postalAddress) {
            this.postalAddress = postalAddress;
            this.id = id;
            this.type = type;
            this.address = address;
            this.status = status;
            this.statusAt = statusAt;
            this.statusDetail = statusDetail;
            this.smtpCode = smtpCode;
            this.enhancedCode = enhancedCode;
            this.provider = provider;
            this.messageIdHeader = messageIdHeader;
            this.attempts = attempts;
            this.nextAttemptAt = nextAttemptAt;
            this.resendOf = resendOf;
            this.timeline = timeline;
        }

        public long id() {
            return id;
        }

        public RecipientType type() {
            return type;
        }

        public String address() {
            return address;
        }

        public DeliveryStatus status() {
            return status;
        }

        public Instant statusAt() {
            return statusAt;
        }

        public String statusDetail() {
            return statusDetail;
        }

        public Integer smtpCode() {
            return smtpCode;
        }

        public String enhancedCode() {
            return enhancedCode;
        }

        public String provider() {
            return provider;
        }

        public String messageIdHeader() {
            return messageIdHeader;
        }

        public int attempts() {
            return attempts;
        }

        public Instant nextAttemptAt() {
            return nextAttemptAt;
        }

        public Long resendOf() {
            return resendOf;
        }

        public List<EventView> timeline() {
            return timeline;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DeliveryView o && id == o.id && java.util.Objects.equals(type, o.type) && java.util.Objects.equals(address, o.address) && java.util.Objects.equals(status, o.status) && java.util.Objects.equals(statusAt, o.statusAt) && java.util.Objects.equals(statusDetail, o.statusDetail) && java.util.Objects.equals(smtpCode, o.smtpCode) && java.util.Objects.equals(enhancedCode, o.enhancedCode) && java.util.Objects.equals(provider, o.provider) && java.util.Objects.equals(messageIdHeader, o.messageIdHeader) && attempts == o.attempts && java.util.Objects.equals(nextAttemptAt, o.nextAttemptAt) && java.util.Objects.equals(resendOf, o.resendOf) && java.util.Objects.equals(timeline, o.timeline) && java.util.Objects.equals(postalAddress, o.postalAddress);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(id, type, address, status, statusAt, statusDetail, smtpCode, enhancedCode, provider, messageIdHeader, attempts, nextAttemptAt, resendOf, timeline, postalAddress);
        }

        @Override
        public String toString() {
            return "DeliveryView[" + "id=" + id + ", " + "type=" + type + ", " + "address=" + address + ", " + "status=" + status + ", " + "statusAt=" + statusAt + ", " + "statusDetail=" + statusDetail + ", " + "smtpCode=" + smtpCode + ", " + "enhancedCode=" + enhancedCode + ", " + "provider=" + provider + ", " + "messageIdHeader=" + messageIdHeader + ", " + "attempts=" + attempts + ", " + "nextAttemptAt=" + nextAttemptAt + ", " + "resendOf=" + resendOf + ", " + "timeline=" + timeline + "]";
        }

    }

    /** One line of a timeline. */
    public static final class EventView implements Serializable {

        private static final long serialVersionUID = 1L;

        public final DeliveryStatus status;
        public final Instant occurredAt;
        public final Instant recordedAt;
        public final String source;
        public final Integer smtpCode;
        public final String enhancedCode;
        public final String diagnostic;
        public final String provider;

        public EventView(DeliveryStatus status, Instant occurredAt, Instant recordedAt, String source, Integer smtpCode, String enhancedCode, String diagnostic, String provider) {
            this.status = status;
            this.occurredAt = occurredAt;
            this.recordedAt = recordedAt;
            this.source = source;
            this.smtpCode = smtpCode;
            this.enhancedCode = enhancedCode;
            this.diagnostic = diagnostic;
            this.provider = provider;
        }

        public DeliveryStatus status() {
            return status;
        }

        public Instant occurredAt() {
            return occurredAt;
        }

        public Instant recordedAt() {
            return recordedAt;
        }

        public String source() {
            return source;
        }

        public Integer smtpCode() {
            return smtpCode;
        }

        public String enhancedCode() {
            return enhancedCode;
        }

        public String diagnostic() {
            return diagnostic;
        }

        public String provider() {
            return provider;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EventView o && java.util.Objects.equals(status, o.status) && java.util.Objects.equals(occurredAt, o.occurredAt) && java.util.Objects.equals(recordedAt, o.recordedAt) && java.util.Objects.equals(source, o.source) && java.util.Objects.equals(smtpCode, o.smtpCode) && java.util.Objects.equals(enhancedCode, o.enhancedCode) && java.util.Objects.equals(diagnostic, o.diagnostic) && java.util.Objects.equals(provider, o.provider);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(status, occurredAt, recordedAt, source, smtpCode, enhancedCode, diagnostic, provider);
        }

        @Override
        public String toString() {
            return "EventView[" + "status=" + status + ", " + "occurredAt=" + occurredAt + ", " + "recordedAt=" + recordedAt + ", " + "source=" + source + ", " + "smtpCode=" + smtpCode + ", " + "enhancedCode=" + enhancedCode + ", " + "diagnostic=" + diagnostic + ", " + "provider=" + provider + "]";
        }
    }
}
