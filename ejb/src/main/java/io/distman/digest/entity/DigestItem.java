package io.distman.digest.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A held delivery taken into a digest: the claim (its primary key, the held delivery, lets only one digest take it)
 * and the link by which the held delivery follows the digest delivery's outcome.
 */
@Entity
@Table(name = "digest_item")
@NamedQuery(name = DigestItem.HELD_IN,
        query = "SELECT d FROM Delivery d WHERE d.id IN (SELECT i.deliveryId FROM DigestItem i"
                + " WHERE i.digestDeliveryId = :digestDeliveryId) ORDER BY d.id")
@NamedQuery(name = DigestItem.WAITING,
        query = "SELECT d FROM Delivery d JOIN FETCH d.message m WHERE d.accountId = :accountId"
                + " AND LOWER(d.address) = :address AND d.status = :held AND (m.sendAt IS NULL OR m.sendAt <= :now)"
                + " AND NOT EXISTS (SELECT i FROM DigestItem i WHERE i.deliveryId = d.id) ORDER BY d.createdAt, d.id")
public class DigestItem {

    /** The held deliveries a digest delivery carries. */
    public static final String HELD_IN = "DigestItem.heldIn";
    /** A recipient's held deliveries that no digest has taken yet and that may go now (their send-at has come). */
    public static final String WAITING = "DigestItem.waiting";

    @Id
    @Column(name = "delivery_id")
    private Long deliveryId;

    @Column(name = "digest_delivery_id", nullable = false)
    private Long digestDeliveryId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DigestItem() {
    }

    public DigestItem(long deliveryId, long digestDeliveryId, long accountId, Instant createdAt) {
        this.deliveryId = deliveryId;
        this.digestDeliveryId = digestDeliveryId;
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    public Long getDeliveryId() { return deliveryId; }
    public Long getDigestDeliveryId() { return digestDeliveryId; }
}
