package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An account a support user may work on besides their own. */
@Entity
@Table(name = "support_grant")
@IdClass(SupportGrant.Key.class)
@NamedQuery(name = SupportGrant.ACCOUNTS_OF,
        query = "SELECT a FROM Account a WHERE a.id IN (SELECT g.accountId FROM SupportGrant g WHERE g.username = :username)"
                + " ORDER BY a.name")
@NamedQuery(name = SupportGrant.OF_ACCOUNT, query = "SELECT g FROM SupportGrant g WHERE g.accountId = :accountId"
        + " ORDER BY g.username")
@NamedQuery(name = SupportGrant.OF_USER, query = "SELECT g FROM SupportGrant g WHERE g.username = :username")
public class SupportGrant {

    public static final String OF_USER = "SupportGrant.ofUser";
    public static final String ACCOUNTS_OF = "SupportGrant.accountsOf";
    public static final String OF_ACCOUNT = "SupportGrant.ofAccount";

    @Id
    @Column(length = 100)
    private String username;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    protected SupportGrant() {
    }

    public SupportGrant(String username, Long accountId) {
        this.username = username;
        this.accountId = accountId;
    }

    public String getUsername() { return username; }
    public Long getAccountId() { return accountId; }

    public static class Key implements Serializable {
        private String username;
        private Long accountId;

        public Key() {
        }

        public Key(String username, Long accountId) {
            this.username = username;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(username, k.username) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username, accountId);
        }
    }
}
