package io.distman.feedback.entity;

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
 * An account's own credentials for one provider's webhooks, for an agency that sends through its
 * own Mailgun, SendGrid, Postmark or SES account; without one the installation's settings apply.
 * What {@code secret} holds depends on the provider: the Mailgun signing key, the SendGrid
 * verification key (Base64 DER), the hex SHA-256 of Postmark's {@code user:password} (never the
 * password itself), or the comma-separated SNS topic ARNs for SES. The first two are secrets (a Mailgun key
 * signs events, a password digest can be attacked offline) and are stored sealed with the installation
 * key ({@link #isSealed}); a public key and topic names are not secrets and stay readable.
 */
@Entity
@Table(name = "webhook_credential")
@IdClass(WebhookCredential.Key.class)
@NamedQuery(name = WebhookCredential.OF_PROVIDERS, query = "SELECT c FROM WebhookCredential c WHERE c.provider IN :providers")
@NamedQuery(name = WebhookCredential.OF_ACCOUNT,
        query = "SELECT c FROM WebhookCredential c WHERE c.accountId = :accountId ORDER BY c.provider")
public class WebhookCredential {

    public static final String OF_PROVIDERS = "WebhookCredential.ofProviders";
    public static final String OF_ACCOUNT = "WebhookCredential.ofAccount";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(length = 30)
    private String provider;

    /** Sealed (v1:...) for the providers of {@link #isSealed}; plaintext there only until SecretSealing seals it. */
    @Column(nullable = false, length = 2000)
    private String secret;

    @Column(length = 200)
    private String username;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WebhookCredential() {
    }

    /** Whether this provider's credential is a secret, stored sealed for {@link #purpose}. */
    public static boolean isSealed(String provider) {
        return "mailgun".equals(provider) || "postmark".equals(provider);
    }

    /** What the credential is sealed for: one account's (or provider's) does not open as another's. */
    public static String purpose(long accountId, String provider) {
        return "webhook:" + provider + ":" + accountId;
    }

    public WebhookCredential(long accountId, String provider, String secret, String username, Instant updatedAt) {
        this.accountId = accountId;
        this.provider = provider;
        replace(secret, username, updatedAt);
    }

    public final void replace(String secret, String username, Instant updatedAt) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.username = username;
        this.updatedAt = updatedAt;
    }

    public Long getAccountId() { return accountId; }
    public String getProvider() { return provider; }
    public String getSecret() { return secret; }
    public String getUsername() { return username; }
    public Instant getUpdatedAt() { return updatedAt; }

    public void replaceSealed(String sealed) {
        this.secret = sealed;
    }

    /** What screens and the REST API may show: the provider, the user name, when it was set. */
    public WebhookCredentialView view() {
        return new WebhookCredentialView(provider, username, updatedAt);
    }

    @Override
    public String toString() {
        return "WebhookCredential[account=" + accountId + ", " + provider + ", user=" + username + ", secret=(hidden)]";
    }

    /** Composite key: one set of credentials per provider and account. */
    public static class Key implements Serializable {
        private Long accountId;
        private String provider;

        public Key() {
        }

        public Key(Long accountId, String provider) {
            this.accountId = accountId;
            this.provider = provider;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(provider, k.provider);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, provider);
        }
    }
}
