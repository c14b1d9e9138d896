package io.distman.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An open "queue is stuck" episode of an account: it exists while the account has mail pending too long,
 * and its admins were told when it opened. Its key (the account) lets only one episode be open at a time.
 */
@Entity
@Table(name = "queue_stuck")
@NamedQuery(name = QueueStuck.STUCK_ACCOUNTS,
        query = "SELECT d.accountId, COUNT(d), MIN(d.statusAt) FROM Delivery d"
                + " WHERE d.status = io.distman.message.entity.DeliveryStatus.PENDING AND d.statusAt < :cutoff"
                + " GROUP BY d.accountId")
@NamedQuery(name = QueueStuck.ALL, query = "SELECT q FROM QueueStuck q")
public class QueueStuck {

    public static final String STUCK_ACCOUNTS = "QueueStuck.stuckAccounts";
    public static final String ALL = "QueueStuck.all";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "oldest_at", nullable = false)
    private Instant oldestAt;

    protected QueueStuck() {
    }

    public QueueStuck(long accountId, Instant since, Instant oldestAt) {
        this.accountId = accountId;
        this.since = since;
        this.oldestAt = oldestAt;
    }

    public Long getAccountId() { return accountId; }
    public Instant getSince() { return since; }
    public Instant getOldestAt() { return oldestAt; }
}
