package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A REST caller's credential. Only the SHA-256 of the key is stored; the key is shown once. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @Column(name = "key_hash", length = 64)
    private String keyHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(String keyHash, Account account, String label, Instant createdAt) {
        this.keyHash = keyHash;
        this.account = account;
        this.label = label;
        this.createdAt = createdAt;
    }

    public Account getAccount() { return account; }
    public String getLabel() { return label; }
    public boolean isRevoked() { return revokedAt != null; }
    public void revoke(Instant at) { this.revokedAt = at; }
}
