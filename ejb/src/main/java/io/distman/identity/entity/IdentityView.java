package io.distman.identity.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A sender identity for the admin: its state, what the last check found, and every DNS record to publish
 * for it (verification, the DKIM keys of its domain, an SPF hint).
 */
public record IdentityView(long id, IdentityKind kind, String value, String domain, boolean verified, Instant verifiedAt,
                           String verifiedBy, Instant checkedAt, String checkResult, List<DnsRecord> records,
                           List<DkimKeyView> dkimKeys) implements Serializable {
}
