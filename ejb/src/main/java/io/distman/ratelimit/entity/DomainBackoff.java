package io.distman.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A destination domain that answered "too many": the account's mail to it waits until {@code until}. */
@Entity
@Table(name = "domain_backoff")
@IdClass(AccountDomain.class)
@NamedQuery(name = DomainBackoff.ACTIVE_OF_ACCOUNT,
        query = "SELECT b FROM DomainBackoff b WHERE b.accountId = :accountId AND b.until > :now ORDER BY b.domain")
@NamedQuery(name = DomainBackoff.FOR_DOMAINS,
        query = "SELECT b FROM DomainBackoff b WHERE b.accountId = :accountId AND b.domain IN :domains AND b.until > :now")
public class DomainBackoff {

    public static final String ACTIVE_OF_ACCOUNT = "DomainBackoff.activeOfAccount";
    public static final String FOR_DOMAINS = "DomainBackoff.forDomains";

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(length = 255)
    private String domain;

    @Column(name = "backoff_until", nullable = false)
    private Instant until;

    @Column(length = 500)
    private String reply;

    protected DomainBackoff() {
    }

    public DomainBackoff(long accountId, String domain) {
        this.accountId = accountId;
        this.domain = domain;
    }

    /** Waits at least until {@code until}; a shorter back-off never cuts a longer one short. */
    public void extend(Instant until, String reply) {
        if (this.until == null || until.isAfter(this.until)) {
            this.until = until;
            this.reply = reply == null || reply.length() <= 500 ? reply : reply.substring(0, 500);
        }
    }

    public String getDomain() { return domain; }
    public Instant getUntil() { return until; }
    public String getReply() { return reply; }

    public BackoffView view() {
        return new BackoffView(domain, until, reply);
    }
}
