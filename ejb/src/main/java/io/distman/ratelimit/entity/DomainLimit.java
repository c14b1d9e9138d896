package io.distman.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** How many recipients per hour an account may send to one destination domain. */
@Entity
@Table(name = "domain_limit")
@IdClass(AccountDomain.class)
@NamedQuery(name = DomainLimit.OF_ACCOUNT,
        query = "SELECT l FROM DomainLimit l WHERE l.accountId = :accountId ORDER BY l.domain")
@NamedQuery(name = DomainLimit.FOR_DOMAINS,
        query = "SELECT l FROM DomainLimit l WHERE l.accountId = :accountId AND l.domain IN :domains")
public class DomainLimit {

    public static final String OF_ACCOUNT = "DomainLimit.ofAccount";
    public static final String FOR_DOMAINS = "DomainLimit.forDomains";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(length = 255)
    private String domain;

    @Column(name = "recipients_per_hour", nullable = false)
    private int recipientsPerHour;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DomainLimit() {
    }

    public DomainLimit(long accountId, String domain, int recipientsPerHour, Instant at) {
        this.accountId = accountId;
        this.domain = domain;
        change(recipientsPerHour, at);
    }

    public final void change(int recipientsPerHour, Instant at) {
        this.recipientsPerHour = recipientsPerHour;
        this.updatedAt = at;
    }

    public long getAccountId() { return accountId; }
    public String getDomain() { return domain; }
    public int getRecipientsPerHour() { return recipientsPerHour; }

    public DomainLimitView view() {
        return new DomainLimitView(domain, recipientsPerHour);
    }
}
