package io.distman.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;

/**
 * An account's Mailgun settings, in a table of their own so that the API key (a secret) is read only
 * where mail is sent, never with the account row that screens and the REST filter load. toString()
 * leaves the key out, so no log line can carry it.
 */
@Entity
@Table(name = "mailgun_account")
public class MailgunAccount {

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

    @Column(name = "api_key", nullable = false, length = 200)
    private String apiKey;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected MailgunAccount() {
    }

    public MailgunAccount(Long accountId) {
        this.accountId = accountId;
    }

    public void configure(String apiKey, String domain, MailgunRegion region, URI baseUrl, Instant now) {
        this.apiKey = apiKey;
        this.domain = domain;
        this.region = region;
        this.baseUrl = baseUrl == null ? null : baseUrl.toString();
        this.updatedAt = now;
    }

    /** The API root requests go to: the override if set, else the region's. */
    public URI effectiveBaseUrl() {
        return baseUrl != null ? URI.create(baseUrl) : region.baseUrl();
    }

    public Long getAccountId() { return accountId; }
    public String getDomain() { return domain; }
    public MailgunRegion getRegion() { return region; }
    public String getBaseUrl() { return baseUrl; }
    public String getApiKey() { return apiKey; }
    public Instant getUpdatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return "MailgunAccount[account=" + accountId + ", domain=" + domain + ", region=" + region + ", baseUrl=" + baseUrl
                + ", apiKey=(hidden)]";
    }
}
