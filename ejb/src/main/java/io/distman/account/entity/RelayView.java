package io.distman.account.entity;

import java.time.Instant;

/** An account's relay as screens and the REST API show it: the password only as the time it was set. */
public record RelayView(String host, int port, RelaySecurity security, String username, Instant passwordSetAt,
                        Instant updatedAt) {
}
