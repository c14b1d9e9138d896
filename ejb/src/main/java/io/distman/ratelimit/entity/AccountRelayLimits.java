package io.distman.ratelimit.entity;

/** The relay limits of the account a delivery belongs to. */
public record AccountRelayLimits(long accountId, RelayLimits limits) {
}
