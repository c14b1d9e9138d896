package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time link with which a user sets their own password. Only the SHA-256 of the token is kept, so the
 * table does not let anyone in; a link is good once and until it expires, and a newer link for the same user
 * makes the older ones useless.
 */
@Entity
@Table(name = "user_invitation")
@NamedQuery(name = UserInvitation.OPEN_OF_USER, query = "SELECT i FROM UserInvitation i"
        + " WHERE i.accountId = :accountId AND i.username = :username AND i.usedAt IS NULL")
public class UserInvitation {

    public static final String OPEN_OF_USER = "UserInvitation.openOfUser";

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 300)
    private String createdBy;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected UserInvitation() {
    }

    public UserInvitation(String tokenHash, long accountId, String username, Instant createdAt, String createdBy,
                          Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.accountId = accountId;
        this.username = username;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    public Long getAccountId() { return accountId; }
    public String getUsername() { return username; }
    public Instant getExpiresAt() { return expiresAt; }

    public boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Used up: by the invitee setting their password, or replaced by a newer link. */
    public void use(Instant at) {
        this.usedAt = at;
    }
}
