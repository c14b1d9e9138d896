package io.distman.feedback.entity;

import io.distman.message.entity.DeliveryStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A provider event as received, kept whether or not it matched a delivery: unmatched events are
 * support's to look at, never an error that makes the provider retry for ever.
 */
@Entity
@Table(name = "provider_event")
@NamedQuery(name = ReceivedEvent.KNOWN_IDS,
        query = "SELECT e.eventId FROM ReceivedEvent e WHERE e.provider = :provider AND e.eventId IN :eventIds")
@NamedQuery(name = ReceivedEvent.UNMATCHED,
        query = "SELECT e FROM ReceivedEvent e WHERE e.deliveryId IS NULL ORDER BY e.receivedAt DESC")
@NamedQuery(name = ReceivedEvent.UNMATCHED_OF_ACCOUNT,
        query = "SELECT NEW io.distman.feedback.entity.UnmatchedEvent(e.id, e.accountId, e.provider, e.eventId, e.eventType,"
                + " e.status, e.recipient, e.providerMessageId, e.occurredAt, e.receivedAt, e.unmatchedReason) FROM ReceivedEvent e"
                + " WHERE e.deliveryId IS NULL AND e.accountId = :accountId ORDER BY e.receivedAt DESC, e.id DESC")
@NamedQuery(name = ReceivedEvent.COUNT_UNMATCHED_OF_ACCOUNT,
        query = "SELECT COUNT(e) FROM ReceivedEvent e WHERE e.deliveryId IS NULL AND e.accountId = :accountId")
@NamedQuery(name = ReceivedEvent.UNMATCHED_WITHOUT_ACCOUNT,
        query = "SELECT NEW io.distman.feedback.entity.UnmatchedEvent(e.id, e.accountId, e.provider, e.eventId, e.eventType,"
                + " e.status, e.recipient, e.providerMessageId, e.occurredAt, e.receivedAt, e.unmatchedReason) FROM ReceivedEvent e"
                + " WHERE e.deliveryId IS NULL AND e.accountId IS NULL ORDER BY e.receivedAt DESC, e.id DESC")
@NamedQuery(name = ReceivedEvent.COUNT_UNMATCHED_WITHOUT_ACCOUNT,
        query = "SELECT COUNT(e) FROM ReceivedEvent e WHERE e.deliveryId IS NULL AND e.accountId IS NULL")
@NamedQuery(name = ReceivedEvent.PAYLOAD_OF_UNMATCHED,
        query = "SELECT e FROM ReceivedEvent e WHERE e.id = :id AND e.deliveryId IS NULL")
public class ReceivedEvent {

    public static final String KNOWN_IDS = "ReceivedEvent.knownIds";
    public static final String UNMATCHED = "ReceivedEvent.unmatched";
    public static final String UNMATCHED_OF_ACCOUNT = "ReceivedEvent.unmatchedOfAccount";
    public static final String COUNT_UNMATCHED_OF_ACCOUNT = "ReceivedEvent.countUnmatchedOfAccount";
    public static final String UNMATCHED_WITHOUT_ACCOUNT = "ReceivedEvent.unmatchedWithoutAccount";
    public static final String COUNT_UNMATCHED_WITHOUT_ACCOUNT = "ReceivedEvent.countUnmatchedWithoutAccount";
    public static final String PAYLOAD_OF_UNMATCHED = "ReceivedEvent.payloadOfUnmatched";

    @Id
    @SequenceGenerator(name = "provider_event_seq", sequenceName = "provider_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provider_event_seq")
    private Long id;

    @Column(nullable = false, length = 30)
    private String provider;

    @Column(name = "event_id", nullable = false, length = 200)
    private String eventId;

    @Column(name = "event_type", nullable = false, length = 60)
    private String eventType;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private DeliveryStatus status;

    @Column(length = 320)
    private String recipient;

    @Column(name = "provider_message_id", length = 255)
    private String providerMessageId;

    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private boolean machine;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    /** Why it matched no delivery (e.g. a delivery token not signed by us); null when matched. */
    @Column(name = "unmatched_reason", length = 200)
    private String unmatchedReason;

    @Lob
    @Column(name = "payload")
    private String payload;

    protected ReceivedEvent() {
    }

    /** How a timeline event refers to the provider event it came from: unique, and known before the row is written. */
    public static String payloadRef(String provider, String eventId) {
        return "provider_event:" + provider + ":" + eventId;
    }

    public ReceivedEvent(ProviderEvent event, Long deliveryId, Long accountId, String unmatchedReason, Instant receivedAt) {
        this.provider = event.provider();
        this.eventId = event.eventId();
        this.eventType = clip(event.eventType(), 60);
        this.status = event.status();
        this.recipient = clip(event.recipient(), 320);
        this.providerMessageId = clip(event.providerMessageId(), 255);
        this.deliveryId = deliveryId;
        this.accountId = accountId;
        this.unmatchedReason = clip(unmatchedReason, 200);
        this.machine = event.machine();
        this.occurredAt = event.occurredAt();
        this.receivedAt = receivedAt;
        this.payload = event.rawJson();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public String getProvider() { return provider; }
    public String getEventId() { return eventId; }
    public String getEventType() { return eventType; }
    public DeliveryStatus getStatus() { return status; }
    public String getRecipient() { return recipient; }
    public String getProviderMessageId() { return providerMessageId; }
    public Long getDeliveryId() { return deliveryId; }
    public Long getAccountId() { return accountId; }
    public String getUnmatchedReason() { return unmatchedReason; }
    public boolean isMachine() { return machine; }
    public Instant getOccurredAt() { return occurredAt; }
    public Instant getReceivedAt() { return receivedAt; }
    public String getPayload() { return payload; }
}
