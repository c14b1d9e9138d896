package io.distman.dispatch.entity;

/** The step of reaching an SMTP relay that failed, in the order they are taken. */
public enum RelayStage {
    /** The host name does not resolve. */
    DNS,
    /** No TCP connection (refused, unreachable, no answer in time). */
    CONNECT,
    /** TLS failed: STARTTLS not offered, handshake refused, certificate not trusted or for another name. */
    TLS,
    /** The relay answered but refused the greeting or EHLO, or spoke no SMTP. */
    SMTP,
    /** AUTH refused: wrong user or password, or no mechanism in common. */
    AUTH
}
