package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person of an account, as the host platform knows them: the raised-by of the mail they send. */
@Entity
@Table(name = "app_user")
@IdClass(AppUser.Key.class)
@NamedQuery(name = AppUser.OF_ACCOUNT,
        query = "SELECT u FROM AppUser u WHERE u.accountId = :accountId ORDER BY u.username")
@NamedQuery(name = AppUser.BY_USERNAME, query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = AppUser.WITH_ROLE,
        query = "SELECT u FROM AppUser u WHERE u.accountId = :accountId AND u.role = :role ORDER BY u.username")
@NamedQuery(name = AppUser.COUNT_BY_ACCOUNT, query = "SELECT u.accountId, COUNT(u.username) FROM AppUser u GROUP BY u.accountId")
@NamedQuery(name = AppUser.ACTIVE_WITH_ROLE, query = "SELECT COUNT(u) FROM AppUser u"
        + " WHERE u.accountId = :accountId AND u.role = :role AND u.active = TRUE")
public class AppUser {

    public static final String COUNT_BY_ACCOUNT = "AppUser.countByAccount";
    public static final String OF_ACCOUNT = "AppUser.ofAccount";
    public static final String BY_USERNAME = "AppUser.byUsername";
    public static final String WITH_ROLE = "AppUser.withRole";
    public static final String ACTIVE_WITH_ROLE = "AppUser.activeWithRole";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "user_role", nullable = false, length = 20)
    private UserRole role;

    /** PBKDF2 hash in Jakarta Security's format; null for raised-by names that never sign in. */
    @Column(name = "password_hash", length = 400)
    private String passwordHash;

    /** A deactivated user cannot sign in; the row stays, being the raised-by of their mail. */
    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    protected AppUser() {
    }

    public AppUser(Long accountId, String username, String displayName, String email, UserRole role) {
        this.accountId = accountId;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.role = role;
    }

    public Long getAccountId() { return accountId; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public UserRole getRole() { return role; }

    /** Null when the user never signs in. */
    public String getPasswordHash() { return passwordHash; }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isActive() { return active; }
    public Instant getLastSignInAt() { return lastSignInAt; }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void setRole(UserRole role) {
        this.role = role;
    }

    public void signedIn(Instant at) {
        this.lastSignInAt = at;
    }

    /** Composite key: a username is unique within its account. */
    public static class Key implements Serializable {
        private Long accountId;
        private String username;

        public Key() {
        }

        public Key(Long accountId, String username) {
            this.accountId = accountId;
            this.username = username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(username, k.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, username);
        }
    }
}
