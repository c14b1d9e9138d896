package io.distman.account.entity;

/** How an account's mail leaves: over SMTP (the installation's relay or its own) or through Mailgun's HTTP API. */
public enum TransportKind {
    SMTP,
    MAILGUN
}
