package io.distman.account.entity;

/** How the connection to an account's own SMTP relay is protected. */
public enum RelaySecurity {
    /** Plain connection upgraded by STARTTLS, which the relay must offer (no silent fall-back to plaintext). */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS,
    /** No encryption: only for a relay on the loopback interface (a local MTA), never across a network. */
    NONE
}
