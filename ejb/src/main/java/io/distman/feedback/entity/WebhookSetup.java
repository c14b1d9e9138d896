package io.distman.feedback.entity;

import java.time.Instant;

/**
 * One provider's webhook for an account, as the admin sets it up: the path of the account's own URL (below
 * the installation's public address; the screen and the REST API make it absolute), and whether the account
 * has its own credential (never the secret: who, for Postmark, and when).
 *
 * @param path     e.g. {@code api/v1/webhooks/mailgun/northside}
 * @param username Postmark's basic-auth user, else null
 * @param setAt    when the account's own credential was set; null: the installation's credentials apply
 */
public record WebhookSetup(String provider, String path, String username, Instant setAt) {

    public boolean hasOwnCredential() {
        return setAt != null;
    }
}
