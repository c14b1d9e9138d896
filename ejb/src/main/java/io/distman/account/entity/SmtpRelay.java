package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account's own SMTP relay, used instead of the installation's mail session. In a table of its own
 * (like MailgunAccount) so the password is read only where mail is sent; stored sealed with the
 * installation key (SecretBox, purpose {@link #purpose}). toString() leaves it out.
 */
@Entity
@Table(name = "smtp_relay")
@NamedQuery(name = SmtpRelay.WITH_PASSWORD, query = "SELECT r FROM SmtpRelay r WHERE r.password IS NOT NULL")
public class SmtpRelay {

    public static final String WITH_PASSWORD = "SmtpRelay.withPassword";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false, length = 255)
    private String host;

    @Column(nullable = false)
    private int port;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private RelaySecurity security;

    @Column(length = 200)
    private String username;

    /** Sealed (v1:...); null without AUTH. */
    @Column(length = 1000)
    private String password;

    @Column(name = "password_set_at")
    private Instant passwordSetAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SmtpRelay() {
    }

    public SmtpRelay(long accountId) {
        this.accountId = accountId;
    }

    /** What the password is sealed for: one account's password does not open as another's. */
    public static String purpose(long accountId) {
        return "smtp-relay-password:" + accountId;
    }

    /** @param sealedPassword the password sealed for {@link #purpose}, or null without AUTH */
    public void configure(String host, int port, RelaySecurity security, String username, String sealedPassword,
                          Instant passwordSetAt, Instant now) {
        this.host = host;
        this.port = port;
        this.security = security;
        this.username = username;
        this.password = sealedPassword;
        this.passwordSetAt = passwordSetAt;
        this.updatedAt = now;
    }

    public void replaceSealedPassword(String sealed) {
        this.password = sealed;
    }

    public RelayView view() {
        return new RelayView(host, port, security, username, passwordSetAt, updatedAt);
    }

    public Long getAccountId() { return accountId; }
    public String getHost() { return host; }
    public int getPort() { return port; }
    public RelaySecurity getSecurity() { return security; }
    public String getUsername() { return username; }
    public String getSealedPassword() { return password; }
    public Instant getPasswordSetAt() { return passwordSetAt; }

    @Override
    public String toString() {
        return "SmtpRelay[account=" + accountId + ", " + host + ":" + port + ", " + security + ", user=" + username
                + ", password=(hidden)]";
    }
}
