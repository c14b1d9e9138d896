package io.distman.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailgunRegionTest {

    @Test
    void eachRegionHasItsOwnApi() {
        assertEquals(URI.create("https://api.mailgun.net"), MailgunRegion.US.baseUrl());
        assertEquals(URI.create("https://api.eu.mailgun.net"), MailgunRegion.EU.baseUrl());
    }

    @Test
    void theRegionDecidesTheBaseUrlUnlessAnOverrideIsSet() {
        MailgunAccount settings = new MailgunAccount(7L);
        settings.configure("key-1", "mg.example.com", MailgunRegion.EU, null, Instant.EPOCH);
        assertEquals(URI.create("https://api.eu.mailgun.net"), settings.effectiveBaseUrl());
        settings.configure("key-1", "mg.example.com", MailgunRegion.US, null, Instant.EPOCH);
        assertEquals(URI.create("https://api.mailgun.net"), settings.effectiveBaseUrl());
        settings.configure("key-1", "mg.example.com", MailgunRegion.EU, URI.create("http://127.0.0.1:9999/proxy"), Instant.EPOCH);
        assertEquals(URI.create("http://127.0.0.1:9999/proxy"), settings.effectiveBaseUrl());
    }

    @Test
    void theKeyNeverShowsInToString() {
        MailgunAccount settings = new MailgunAccount(7L);
        settings.configure("key-secret-123", "mg.example.com", MailgunRegion.US, null, Instant.EPOCH);
        assertFalse(settings.toString().contains("key-secret-123"), settings.toString());
    }
}
