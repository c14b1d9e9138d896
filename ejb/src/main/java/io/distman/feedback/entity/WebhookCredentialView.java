package io.distman.feedback.entity;

import java.time.Instant;

/** An account's webhook credential as screens and the REST API show it: never the secret, only when it was set. */
public record WebhookCredentialView(String provider, String username, Instant setAt) {
}
