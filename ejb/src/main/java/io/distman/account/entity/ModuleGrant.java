package io.distman.account.entity;

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
 * An account a calling module's principal may act for. A module in this server calls the service as a
 * principal of its own (its run-as identity); the account a request names is checked against these rows.
 */
@Entity
@Table(name = "module_grant")
@IdClass(ModuleGrant.Key.class)
// The caller check of every submission from a module: its granted accounts that are not suspended, unless an active
// user has the principal's name (then the caller is that user), in one round trip. An outer join, not NOT EXISTS:
// inside a subquery EclipseLink binds the boolean as 1, which Derby refuses.
@NamedQuery(name = ModuleGrant.ACTIVE_ACCOUNTS_OF, query = "SELECT g.accountId FROM ModuleGrant g JOIN Account a"
        + " ON a.id = g.accountId LEFT JOIN AppUser u ON u.username = g.principalName AND u.active = TRUE"
        + " WHERE g.principalName = :principal AND a.suspendedAt IS NULL AND u.username IS NULL")
@NamedQuery(name = ModuleGrant.OF_ACCOUNT, query = "SELECT g FROM ModuleGrant g WHERE g.accountId = :accountId"
        + " ORDER BY g.principalName")
public class ModuleGrant {

    public static final String ACTIVE_ACCOUNTS_OF = "ModuleGrant.activeAccountsOf";
    public static final String OF_ACCOUNT = "ModuleGrant.ofAccount";

    @Id
    @Column(name = "principal_name", length = 200)
    private String principalName;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, length = 200)
    private String grantedBy;

    protected ModuleGrant() {
    }

    public ModuleGrant(String principalName, long accountId, Instant grantedAt, String grantedBy) {
        this.principalName = principalName;
        this.accountId = accountId;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    public String getPrincipalName() { return principalName; }
    public Long getAccountId() { return accountId; }
    public Instant getGrantedAt() { return grantedAt; }
    public String getGrantedBy() { return grantedBy; }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String principalName;
        private Long accountId;

        public Key() {
        }

        public Key(String principalName, Long accountId) {
            this.principalName = principalName;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(principalName, k.principalName) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(principalName, accountId);
        }
    }
}
