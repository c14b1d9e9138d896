package io.distman.suppression.entity;

import jakarta.persistence.Column;
import io.distman.message.entity.Category;
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

/** An address the account must not mail (hard bounce, complaint, unsubscribe, or added by support). */
@Entity
@Table(name = "suppression")
@NamedQuery(name = Suppression.ACTIVE_FOR,
        query = "SELECT s FROM Suppression s WHERE s.accountId = :accountId AND s.address IN :addresses "
                + "AND (s.expiresAt IS NULL OR s.expiresAt > :now) AND (s.category IS NULL OR s.category = :category)")
@NamedQuery(name = Suppression.OF_ADDRESS,
        query = "SELECT s FROM Suppression s WHERE s.accountId = :accountId AND s.address = :address")
// The support screen's search. Optional filters are given as "match everything" values rather than
// "(:p IS NULL OR ...)", which Derby refuses for untyped parameters: the address part and the reason as
// LIKE patterns ('%' for any), "active only" as the instant an entry must outlive (far past for all).
@NamedQuery(name = Suppression.SEARCH_NEWEST, query = "SELECT s FROM Suppression s WHERE " + Suppression.SEARCH
        + " ORDER BY s.createdAt DESC, s.id DESC")
@NamedQuery(name = Suppression.SEARCH_OLDEST, query = "SELECT s FROM Suppression s WHERE " + Suppression.SEARCH
        + " ORDER BY s.createdAt, s.id")
@NamedQuery(name = Suppression.SEARCH_ADDRESS, query = "SELECT s FROM Suppression s WHERE " + Suppression.SEARCH
        + " ORDER BY s.address, s.id")
@NamedQuery(name = Suppression.SEARCH_COUNT, query = "SELECT COUNT(s) FROM Suppression s WHERE " + Suppression.SEARCH)
public class Suppression {

    public static final String ACTIVE_FOR = "Suppression.activeFor";
    public static final String OF_ADDRESS = "Suppression.ofAddress";
    public static final String SEARCH_NEWEST = "Suppression.searchNewest";
    public static final String SEARCH_OLDEST = "Suppression.searchOldest";
    public static final String SEARCH_ADDRESS = "Suppression.searchAddress";
    public static final String SEARCH_COUNT = "Suppression.searchCount";
    static final String SEARCH = "s.accountId = :accountId AND s.address LIKE :address ESCAPE '!' "
            + "AND s.reason LIKE :reason ESCAPE '!' AND (s.expiresAt IS NULL OR s.expiresAt > :activeAfter)";

    @Id
    @SequenceGenerator(name = "suppression_seq", sequenceName = "suppression_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suppression_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    /** Stored lower-cased: suppression matches addresses case-insensitively. */
    @Column(nullable = false, length = 320)
    private String address;

    @Column(nullable = false, length = 40)
    private String reason;

    @Column(length = 1000)
    private String detail;

    @Column(name = "source_delivery_id")
    private Long sourceDeliveryId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    /** Only mail of this category is suppressed (an unsubscribe from BULK); null for every category. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Category category;

    /** The support user who added the entry by hand; null for entries the policy made. */
    @Column(name = "created_by", length = 100)
    private String createdBy;

    protected Suppression() {
    }

    public Suppression(Long accountId, String address, String reason, String detail, Long sourceDeliveryId,
                       Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.address = address.toLowerCase(java.util.Locale.ROOT);
        this.reason = reason;
        this.detail = detail;
        this.sourceDeliveryId = sourceDeliveryId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getAddress() { return address; }
    public String getReason() { return reason; }
    public String getDetail() { return detail; }
    public Long getSourceDeliveryId() { return sourceDeliveryId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Category getCategory() { return category; }
    public String getCreatedBy() { return createdBy; }

    /** @return whether the entry still stops mail at {@code now} */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    public void addedBy(String username) {
        this.createdBy = username;
    }

    public void limitTo(Category category) {
        this.category = category;
    }

    /**
     * A stronger reason arrived for an address already on the list (a hard bounce after an
     * unsubscribe, a complaint after a soft-bounce suspension): it now covers what the new one says.
     */
    public void renew(String reason, String detail, Long sourceDeliveryId, Instant at, Instant expiresAt, Category category) {
        this.reason = reason;
        this.detail = detail;
        this.sourceDeliveryId = sourceDeliveryId;
        this.createdAt = at;
        this.expiresAt = expiresAt;
        this.category = category;
        this.createdBy = null;
    }
}
