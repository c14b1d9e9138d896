package io.distman.account.entity;

import java.time.Instant;

/** An account as the installation's operator lists it. */
public record AccountSummary(long id, String code, String name, Instant createdAt, TransportKind transport,
                             Instant suspendedAt, long users, long activeKeys) {
}
