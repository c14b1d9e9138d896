package io.distman.account.entity;

import java.time.Instant;

/** An account's Mailgun settings as screens and the REST API show them: the API key only as the time it was set. */
public record MailgunView(String domain, MailgunRegion region, String baseUrl, Instant apiKeySetAt) {
}
