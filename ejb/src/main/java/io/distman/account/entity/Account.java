package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant: one agency. Every other row carries its id and every query filters by it. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_CODE, query = "SELECT a FROM Account a WHERE a.code = :code")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.code")
public class Account {

    public static final String BY_CODE = "Account.byCode";
    public static final String ALL = "Account.all";

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    /** Domain of the per-delivery return path (VERP); the installation default when null. */
    @Column(name = "bounce_domain")
    private String bounceDomain;

    /**
     * SMTP unless the account sends through Mailgun (its settings are in MailgunAccount). SMTP goes through the
     * account's own relay (SmtpRelay) when it has one, else the installation's mail session.
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TransportKind transport = TransportKind.SMTP;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Set by an operator: the account's keys, users and modules are refused while it is. */
    @Column(name = "suspended_at")
    private Instant suspendedAt;

    protected Account() {
    }

    public Account(String code, String name, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public String getBounceDomain() { return bounceDomain; }
    public void setBounceDomain(String bounceDomain) { this.bounceDomain = bounceDomain; }
    public Instant getCreatedAt() { return createdAt; }
    public TransportKind getTransport() { return transport; }

    public Instant getSuspendedAt() { return suspendedAt; }
    public boolean isSuspended() { return suspendedAt != null; }
    public void suspend(Instant at) { this.suspendedAt = at; }
    public void reactivate() { this.suspendedAt = null; }
    public void rename(String name) { this.name = name; }

    public void useTransport(TransportKind transport) {
        this.transport = transport;
    }
}
