package io.distman.account.entity;

import java.net.URI;

/**
 * Where a Mailgun account lives. A domain created in the EU region is only known to the EU API, so
 * the region is part of the account's settings, not a detail to guess.
 */
public enum MailgunRegion {
    US("https://api.mailgun.net"),
    EU("https://api.eu.mailgun.net");

    private final URI baseUrl;

    MailgunRegion(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    public URI baseUrl() {
        return baseUrl;
    }
}
