package io.distman.suppression.entity;

import io.distman.message.entity.Category;
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

/**
 * A manual change to the suppression list: who added or removed which entry, when, and why (the note).
 * It copies the entry as it was, because a removed entry is deleted and the audit must still tell what
 * stopped the mail. Append-only.
 */
@Entity
@Table(name = "suppression_audit")
@NamedQuery(name = SuppressionAudit.OF_ACCOUNT,
        query = "SELECT a FROM SuppressionAudit a WHERE a.accountId = :accountId ORDER BY a.actedAt DESC, a.id DESC")
@NamedQuery(name = SuppressionAudit.COUNT_OF_ACCOUNT,
        query = "SELECT COUNT(a) FROM SuppressionAudit a WHERE a.accountId = :accountId")
public class SuppressionAudit {

    public static final String OF_ACCOUNT = "SuppressionAudit.ofAccount";
    public static final String COUNT_OF_ACCOUNT = "SuppressionAudit.countOfAccount";

    public enum Kind { ADDED, REMOVED }

    @Id
    @SequenceGenerator(name = "suppression_audit_seq", sequenceName = "suppression_audit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suppression_audit_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 320)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Kind kind;

    @Column(nullable = false, length = 40)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Category category;

    @Column(length = 1000)
    private String detail;

    @Column(name = "source_delivery_id")
    private Long sourceDeliveryId;

    @Column(name = "entry_created_at", nullable = false)
    private Instant entryCreatedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(nullable = false, length = 1000)
    private String note;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    protected SuppressionAudit() {
    }

    /** Records {@code kind} of {@code entry} as the entry is at this moment. */
    public SuppressionAudit(Suppression entry, Kind kind, String note, String username, Instant actedAt) {
        this.accountId = entry.getAccountId();
        this.address = entry.getAddress();
        this.kind = kind;
        this.reason = entry.getReason();
        this.category = entry.getCategory();
        this.detail = entry.getDetail();
        this.sourceDeliveryId = entry.getSourceDeliveryId();
        this.entryCreatedAt = entry.getCreatedAt();
        this.expiresAt = entry.getExpiresAt();
        this.note = note;
        this.username = username;
        this.actedAt = actedAt;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getAddress() { return address; }
    public Kind getKind() { return kind; }
    public String getReason() { return reason; }
    public Category getCategory() { return category; }
    public String getDetail() { return detail; }
    public Long getSourceDeliveryId() { return sourceDeliveryId; }
    public Instant getEntryCreatedAt() { return entryCreatedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getNote() { return note; }
    public String getUsername() { return username; }
    public Instant getActedAt() { return actedAt; }
}
