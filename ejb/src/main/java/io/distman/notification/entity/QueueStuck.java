package io.distman.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An open "queue is stuck" episode of an account and {@link Backlog}: it exists while the account has mail
 * pending too long (PENDING) or too much mail retrying for too long (RETRYING), and its admins were told when it
 * opened. Its key (account and backlog) lets only one episode of each be open at a time.
 */
@Entity
@Table(name = "queue_stuck")
@IdClass(QueueStuck.Key.class)
@NamedQuery(name = QueueStuck.STUCK_ACCOUNTS,
        query = "SELECT d.accountId, COUNT(d), MIN(d.statusAt) FROM Delivery d"
                + " WHERE d.status = io.distman.message.entity.DeliveryStatus.PENDING AND d.statusAt < :cutoff"
                + " GROUP BY d.accountId")
// Retrying: submitted before the cutoff and still in TEMPORARY_FAILURE. Not statusAt: every attempt moves it
// (TEMPORARY_FAILURE → SENDING → TEMPORARY_FAILURE), so a dead relay would keep it young.
@NamedQuery(name = QueueStuck.RETRYING_ACCOUNTS,
        query = "SELECT d.accountId, COUNT(d.accountId), MIN(d.createdAt) FROM Delivery d"
                + " WHERE d.status = io.distman.message.entity.DeliveryStatus.TEMPORARY_FAILURE AND d.createdAt < :cutoff"
                + " GROUP BY d.accountId HAVING COUNT(d.accountId) >= :atLeast")
// The reason to tell: the latest failure of the account's retrying mail, from (account_id, status, status_at).
@NamedQuery(name = QueueStuck.LAST_RETRY_REASON,
        query = "SELECT d.statusDetail FROM Delivery d WHERE d.accountId = :account"
                + " AND d.status = io.distman.message.entity.DeliveryStatus.TEMPORARY_FAILURE ORDER BY d.statusAt DESC")
@NamedQuery(name = QueueStuck.OF_BACKLOG, query = "SELECT q FROM QueueStuck q WHERE q.backlog = :backlog")
public class QueueStuck {

    public static final String STUCK_ACCOUNTS = "QueueStuck.stuckAccounts";
    public static final String RETRYING_ACCOUNTS = "QueueStuck.retryingAccounts";
    public static final String LAST_RETRY_REASON = "QueueStuck.lastRetryReason";
    public static final String OF_BACKLOG = "QueueStuck.ofBacklog";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    /** The {@link Backlog}'s name: a plain string key, which every JPA provider maps the same way. */
    @Id
    @Column(length = 20)
    private String backlog;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "oldest_at", nullable = false)
    private Instant oldestAt;

    protected QueueStuck() {
    }

    public QueueStuck(long accountId, Backlog backlog, Instant since, Instant oldestAt) {
        this.accountId = accountId;
        this.backlog = backlog.name();
        this.since = since;
        this.oldestAt = oldestAt;
    }

    public Long getAccountId() { return accountId; }
    public Backlog getBacklog() { return Backlog.valueOf(backlog); }
    public Instant getSince() { return since; }
    public Instant getOldestAt() { return oldestAt; }

    /** The composite key: account and backlog. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long accountId;
        private String backlog;

        public Key() {
        }

        public Key(Long accountId, Backlog backlog) {
            this.accountId = accountId;
            this.backlog = backlog.name();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId) && Objects.equals(backlog, key.backlog);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, backlog);
        }
    }
}
