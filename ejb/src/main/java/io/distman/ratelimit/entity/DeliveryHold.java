package io.distman.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A delivery that a limit holds back: until when (its next attempt) and why, as the Queue shows it. When
 * {@code reserved}, one recipient of the window starting at {@code until} is already counted for it, so the
 * claim then lets it go without taking again. Not a status: the delivery stays queued as it was.
 */
@Entity
@Table(name = "delivery_hold")
@NamedQuery(name = DeliveryHold.OF_DELIVERIES,
        query = "SELECT h FROM DeliveryHold h WHERE h.deliveryId IN :ids")
@NamedQuery(name = DeliveryHold.IN_ACCOUNT,
        query = "SELECT h FROM DeliveryHold h, Delivery d WHERE d.id = h.deliveryId AND h.accountId = :accountId "
                + "AND h.deliveryId IN :ids AND d.nextAttemptAt = h.until")
@NamedQuery(name = DeliveryHold.ACCOUNT_DOMAINS,
        query = "SELECT d.id, d.accountId, d.domain FROM Delivery d WHERE d.id IN :ids")
public class DeliveryHold {

    /** Whose and to which domain the given deliveries are (the back-off's look-up; deliveries are message's). */
    public static final String ACCOUNT_DOMAINS = "DeliveryHold.accountDomains";
    public static final String OF_DELIVERIES = "DeliveryHold.ofDeliveries";
    /** The holds still in force: a hold whose delivery was since sent or rescheduled by hand says nothing any more. */
    public static final String IN_ACCOUNT = "DeliveryHold.inAccount";

    @Id
    @Column(name = "delivery_id")
    private long deliveryId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "held_until", nullable = false)
    private Instant until;

    @Column(nullable = false)
    private boolean reserved;

    @Column(nullable = false, length = 300)
    private String detail;

    protected DeliveryHold() {
    }

    public DeliveryHold(long deliveryId, long accountId) {
        this.deliveryId = deliveryId;
        this.accountId = accountId;
    }

    public void hold(Instant until, boolean reserved, String detail) {
        this.until = until;
        this.reserved = reserved;
        this.detail = detail.length() <= 300 ? detail : detail.substring(0, 300);
    }

    public long getDeliveryId() { return deliveryId; }
    public Instant getUntil() { return until; }
    public boolean isReserved() { return reserved; }
    public String getDetail() { return detail; }
}
