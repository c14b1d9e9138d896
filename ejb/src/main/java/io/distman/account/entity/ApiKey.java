package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A REST caller's credential. Only the SHA-256 of the key and a displayable prefix are stored; the key is shown once. */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.OF_ACCOUNT,
        query = "SELECT k FROM ApiKey k WHERE k.account.id = :accountId ORDER BY k.createdAt DESC, k.keyHash")
@NamedQuery(name = ApiKey.BY_ID,
        query = "SELECT k FROM ApiKey k WHERE k.account.id = :accountId AND k.keyHash LIKE :id")
@NamedQuery(name = ApiKey.TOUCH, query = "UPDATE ApiKey k SET k.lastUsedAt = :now WHERE k.keyHash = :hash"
        + " AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :before)")
@NamedQuery(name = ApiKey.COUNT_ACTIVE,
        query = "SELECT k.account.id, COUNT(k) FROM ApiKey k WHERE k.revokedAt IS NULL GROUP BY k.account.id")
public class ApiKey {

    public static final String OF_ACCOUNT = "ApiKey.ofAccount";
    public static final String BY_ID = "ApiKey.byId";
    public static final String TOUCH = "ApiKey.touch";
    public static final String COUNT_ACTIVE = "ApiKey.countActive";

    /** Hex digits of the hash that name a key in lists and revoke calls: enough to be unique, not the principal. */
    public static final int ID_LENGTH = 16;

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

    @Column(name = "key_prefix", length = 16)
    private String prefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ApiKeyScope scope = ApiKeyScope.SEND;

    @Column(name = "issued_by", length = 300)
    private String issuedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    public ApiKey(String keyHash, String prefix, Account account, String label, ApiKeyScope scope, String issuedBy,
                  Instant createdAt) {
        this.keyHash = keyHash;
        this.prefix = prefix;
        this.account = account;
        this.label = label;
        this.scope = scope;
        this.issuedBy = issuedBy;
        this.createdAt = createdAt;
    }

    public ApiKeyScope getScope() { return scope; }
    public String getPrefix() { return prefix; }
    public Instant getLastUsedAt() { return lastUsedAt; }

    public ApiKeyView view() {
        return new ApiKeyView(keyHash.substring(0, ID_LENGTH), label, prefix, scope, issuedBy, createdAt, lastUsedAt, revokedAt);
    }

    public Account getAccount() { return account; }
    public String getLabel() { return label; }
    public boolean isRevoked() { return revokedAt != null; }
    public void revoke(Instant at) { this.revokedAt = at; }
}
