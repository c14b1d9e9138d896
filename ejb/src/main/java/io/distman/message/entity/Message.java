package io.distman.message.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** What was submitted, once, whatever the number of recipients. Bodies live in {@link MessageContent}. */
@Entity
@Table(name = "message")
@NamedQuery(name = Message.BY_IDEMPOTENCY_KEY,
        query = "SELECT m FROM Message m WHERE m.accountId = :accountId AND m.idempotencyKey = :key")
@NamedQuery(name = Message.BY_IDEMPOTENCY_KEYS,
        query = "SELECT m FROM Message m WHERE m.accountId = :accountId AND m.idempotencyKey IN :keys")
@NamedQuery(name = Message.BY_ID_IN_ACCOUNT,
        query = "SELECT m FROM Message m WHERE m.id = :id AND m.accountId = :accountId")
public class Message {

    public static final String BY_IDEMPOTENCY_KEY = "Message.byIdempotencyKey";
    public static final String BY_IDEMPOTENCY_KEYS = "Message.byIdempotencyKeys";
    public static final String BY_ID_IN_ACCOUNT = "Message.byIdInAccount";

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "raised_by", nullable = false, length = 100)
    private String raisedBy;

    @Column(name = "source_module", length = 50)
    private String sourceModule;

    @Column(name = "source_ref", length = 100)
    private String sourceRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Category category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Priority priority;

    @Column(name = "sender_address", nullable = false, length = 320)
    private String senderAddress;

    @Column(name = "sender_name", length = 200)
    private String senderName;

    @Column(name = "reply_to", length = 320)
    private String replyTo;

    @Column(nullable = false, length = 998)
    private String subject;

    @Column(name = "send_at")
    private Instant sendAt;

    @Column(name = "serial_mailing_id")
    private Long serialMailingId;

    /** No pixel and no rewritten links in this message, whatever the account chose for its category. */
    @Column(name = "tracking_refused", nullable = false)
    private boolean trackingRefused;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Why the sender marked the mail ESSENTIAL (it overrides a recipient's opt-out); null when no reason was given. */
    @Column(name = "essential_reason", length = 500)
    private String essentialReason;

    /** Who marked it ESSENTIAL: the authenticated caller and the person it raised the mail for. */
    @Column(name = "essential_by", length = 300)
    private String essentialBy;

    protected Message() {
    }

    public Message(Long accountId, String raisedBy, Category category, Priority priority, String subject,
                   Instant createdAt) {
        this.accountId = accountId;
        this.raisedBy = raisedBy;
        this.category = category;
        this.priority = priority;
        this.subject = subject;
        this.createdAt = createdAt;
    }

    public void from(String address, String name, String replyTo) {
        this.senderAddress = address;
        this.senderName = name;
        this.replyTo = replyTo;
    }

    public void raisedFrom(String sourceModule, String sourceRef) {
        this.sourceModule = sourceModule;
        this.sourceRef = sourceRef;
    }

    /** Records who marked this ESSENTIAL mail and why, for the override of an opt-out. */
    public void markedEssential(String by, String reason) {
        this.essentialBy = by;
        this.essentialReason = reason;
    }

    /** One message of a serial mailing; {@code trackingRefused}: its recipient gave no consent to open tracking. */
    public void serial(long mailingId, boolean trackingRefused) {
        this.serialMailingId = mailingId;
        this.trackingRefused = trackingRefused;
    }

    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public void setSendAt(Instant sendAt) { this.sendAt = sendAt; }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getRaisedBy() { return raisedBy; }
    public String getSourceModule() { return sourceModule; }
    public String getSourceRef() { return sourceRef; }
    public Category getCategory() { return category; }
    public Priority getPriority() { return priority; }
    public String getSenderAddress() { return senderAddress; }
    public String getSenderName() { return senderName; }
    public String getReplyTo() { return replyTo; }
    public String getSubject() { return subject; }
    public Instant getSendAt() { return sendAt; }
    public Long getSerialMailingId() { return serialMailingId; }
    public boolean isTrackingRefused() { return trackingRefused; }
    public Instant getCreatedAt() { return createdAt; }
    public String getEssentialReason() { return essentialReason; }
    public String getEssentialBy() { return essentialBy; }
}
