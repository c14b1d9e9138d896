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

/** One line of a delivery's timeline. Append-only; the unique dedupe key stores a repeated event once. */
@Entity
@Table(name = "delivery_event")
@NamedQuery(name = DeliveryEvent.OF_DELIVERIES,
        query = "SELECT e FROM DeliveryEvent e WHERE e.deliveryId IN :deliveryIds ORDER BY e.deliveryId, e.occurredAt, e.id")
@NamedQuery(name = DeliveryEvent.KNOWN_KEYS,
        query = "SELECT e.dedupeKey FROM DeliveryEvent e WHERE e.dedupeKey IN :keys")
@NamedQuery(name = DeliveryEvent.LATEST_OF_STATUS,
        query = "SELECT e FROM DeliveryEvent e WHERE e.deliveryId = :deliveryId AND e.status IN :statuses "
                + "ORDER BY e.occurredAt DESC")
@NamedQuery(name = DeliveryEvent.SINCE_OF_STATUS,
        query = "SELECT e FROM DeliveryEvent e WHERE e.deliveryId = :deliveryId AND e.status = :status AND e.occurredAt >= :since")
public class DeliveryEvent {

    public static final String OF_DELIVERIES = "DeliveryEvent.ofDeliveries";
    /** A delivery's events of some statuses, latest first. */
    public static final String LATEST_OF_STATUS = "DeliveryEvent.latestOfStatus";
    /** A delivery's events of one status since a time (machine events too). */
    public static final String SINCE_OF_STATUS = "DeliveryEvent.sinceOfStatus";
    public static final String KNOWN_KEYS = "DeliveryEvent.knownKeys";

    @Id
    @SequenceGenerator(name = "delivery_event_seq", sequenceName = "delivery_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_event_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "delivery_id", nullable = false)
    private Long deliveryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryStatus status;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false, length = 40)
    private String source;

    @Column(name = "smtp_code")
    private Integer smtpCode;

    @Column(name = "enhanced_code", length = 16)
    private String enhancedCode;

    @Column(length = 2000)
    private String diagnostic;

    @Column(length = 30)
    private String provider;

    @Column(name = "dedupe_key", nullable = false, unique = true, length = 200)
    private String dedupeKey;

    @Column(name = "payload_ref", length = 500)
    private String payloadRef;

    @Column(nullable = false)
    private boolean machine;

    protected DeliveryEvent() {
    }

    public DeliveryEvent(Delivery delivery, StatusChange change, Instant recordedAt) {
        this.accountId = delivery.getAccountId();
        this.deliveryId = delivery.getId();
        this.status = change.status();
        this.occurredAt = change.occurredAt();
        this.recordedAt = recordedAt;
        this.source = change.source();
        this.smtpCode = change.smtpCode();
        this.enhancedCode = change.enhancedCode();
        this.diagnostic = StatusChange.clip(change.diagnostic(), 2000);
        this.provider = change.provider();
        this.dedupeKey = change.dedupeKey();
        this.payloadRef = change.payloadRef();
        this.machine = change.machine();
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public Long getDeliveryId() { return deliveryId; }
    public DeliveryStatus getStatus() { return status; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getSource() { return source; }
    public Integer getSmtpCode() { return smtpCode; }
    public String getEnhancedCode() { return enhancedCode; }
    public String getDiagnostic() { return diagnostic; }
    public String getProvider() { return provider; }
    public String getDedupeKey() { return dedupeKey; }
    public String getPayloadRef() { return payloadRef; }
    public boolean isMachine() { return machine; }
}
