package io.distman.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** What an account's way out (its relay or provider) takes: a null bound is no limit. */
@Entity
@Table(name = "relay_limit")
@NamedQuery(name = RelayLimit.OF_DELIVERIES,
        query = "SELECT d.id, r FROM Delivery d, RelayLimit r WHERE r.accountId = d.accountId AND d.id IN :ids")
public class RelayLimit {

    /** The limits of the accounts of the given deliveries, per delivery id (deliveries of accounts without none). */
    public static final String OF_DELIVERIES = "RelayLimit.ofDeliveries";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "messages_per_second")
    private Integer messagesPerSecond;

    @Column(name = "max_connections")
    private Integer maxConnections;

    @Column(name = "recipients_per_connection")
    private Integer recipientsPerConnection;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected RelayLimit() {
    }

    public RelayLimit(long accountId) {
        this.accountId = accountId;
    }

    public void change(RelayLimits limits, Instant at) {
        this.messagesPerSecond = limits.messagesPerSecond();
        this.maxConnections = limits.maxConnections();
        this.recipientsPerConnection = limits.recipientsPerConnection();
        this.updatedAt = at;
    }

    public long getAccountId() { return accountId; }

    public RelayLimits view() {
        return new RelayLimits(messagesPerSecond, maxConnections, recipientsPerConnection);
    }
}
