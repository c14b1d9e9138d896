package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;

/**
 * An account's Mailgun settings, in a table of their own so that the API key (a secret) is read only
 * where mail is sent, never with the account row that screens and the REST filter load. The key is stored
 * sealed with the installation key (SecretBox, purpose {@link #purpose}) and opened only to send.
 * toString() leaves the key out, so no log line can carry it.
 */
@Entity
@Table(name = "mailgun_account")
@NamedQuery(name = MailgunAccount.ALL, query = "SELECT m FROM MailgunAccount m")
public class MailgunAccount {

    public static final String ALL = "MailgunAccount.all";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    /** The sending domain as registered at Mailgun, the {domain} of /v3/{domain}/messages.mime. */
    @Column(name = "sending_domain", nullable = false, length = 255)
    private String domain;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private MailgunRegion region;

    /** Replaces the region's base URL (a proxy, a test server); null for the region's own. */
    @Column(name = "base_url", length = 500)
    private String baseUrl;

    /** Sealed (v1:...); plaintext only in a row stored before sealing existed, until SecretSealing seals it. */
    @Column(name = "api_key", nullable = false, length = 1000)
    private String apiKey;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MailgunAccount() {
    }

    public MailgunAccount(Long accountId) {
        this.accountId = accountId;
    }

    /** What the API key is sealed for: the key of one account does not open as another's. */
    public static String purpose(long accountId) {
        return "mailgun-api-key:" + accountId;
    }

    /** @param sealedApiKey the API key sealed for {@link #purpose} */
    public void configure(String sealedApiKey, String domain, MailgunRegion region, URI baseUrl, Instant now) {
        this.apiKey = sealedApiKey;
        this.domain = domain;
        this.region = region;
        this.baseUrl = baseUrl == null ? null : baseUrl.toString();
        this.updatedAt = now;
    }

    /** The API root requests go to: the override if set, else the region's. */
    public URI effectiveBaseUrl() {
        return baseUrl != null ? URI.create(baseUrl) : region.baseUrl();
    }

    /** What screens and the REST API may show: everything but the key, which is only "set on". */
    public MailgunView view() {
        return new MailgunView(domain, region, baseUrl, updatedAt);
    }

    public Long getAccountId() { return accountId; }
    public String getDomain() { return domain; }
    public MailgunRegion getRegion() { return region; }
    public String getBaseUrl() { return baseUrl; }
    public String getSealedApiKey() { return apiKey; }
    public void replaceSealedApiKey(String sealed) { this.apiKey = sealed; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return "MailgunAccount[account=" + accountId + ", domain=" + domain + ", region=" + region + ", baseUrl=" + baseUrl
                + ", apiKey=(hidden)]";
    }
}
