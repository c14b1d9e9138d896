package io.distman.account.entity;

import java.time.Instant;

/**
 * An API key as its account's admins see it: never the key, only its displayable prefix.
 *
 * @param id         the key's handle for revoking: the first 16 hex digits of its SHA-256 (not the key)
 * @param lastUsedAt when it last authenticated a request, to the minute; null if never
 * @param revokedAt  null while it works
 */
public record ApiKeyView(String id, String label, String prefix, ApiKeyScope scope, String issuedBy, Instant createdAt,
                         Instant lastUsedAt, Instant revokedAt) {
}
