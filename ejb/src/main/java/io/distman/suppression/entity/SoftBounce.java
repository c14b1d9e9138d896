package io.distman.suppression.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Recent soft failures of one address: enough of them within the window suspend it for a while. */
@Entity
@Table(name = "soft_bounce")
@IdClass(SoftBounce.Key.class)
@NamedQuery(name = SoftBounce.OF_ADDRESSES,
        query = "SELECT s FROM SoftBounce s WHERE s.accountId IN :accountIds AND s.address IN :addresses")
public class SoftBounce {

    public static final String OF_ADDRESSES = "SoftBounce.ofAddresses";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(length = 320)
    private String address;

    @Column(nullable = false)
    private int failures;

    @Column(name = "first_at", nullable = false)
    private Instant firstAt;

    @Column(name = "last_at", nullable = false)
    private Instant lastAt;

    protected SoftBounce() {
    }

    public SoftBounce(Long accountId, String address, Instant at) {
        this.accountId = accountId;
        this.address = address;
        this.failures = 1;
        this.firstAt = at;
        this.lastAt = at;
    }

    /** Counts one more failure; failures older than the window no longer count. @return the count now */
    public int failedAgain(Instant at, Duration window) {
        if (firstAt.plus(window).isBefore(at)) {
            failures = 0;
            firstAt = at;
        }
        failures++;
        lastAt = at;
        return failures;
    }

    public int getFailures() { return failures; }
    public Long getAccountId() { return accountId; }
    public String getAddress() { return address; }

    /** Composite key: one counter per address of an account. */
    public static class Key implements Serializable {
        private Long accountId;
        private String address;

        public Key() {
        }

        public Key(Long accountId, String address) {
            this.accountId = accountId;
            this.address = address;
        }

        public Long accountId() {
            return accountId;
        }

        public String address() {
            return address;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(address, k.address);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, address);
        }
    }
}
