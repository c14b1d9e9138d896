package io.distman.dispatch.entity;

/** Which way an account's mail leaves, as an admin chooses it. */
public enum TransportMode {
    /** The installation's mail session ({@code mail/distman}). */
    INSTALLATION,
    /** The account's own SMTP relay. */
    RELAY,
    /** Mailgun's HTTP API with the account's own key. */
    MAILGUN
}
