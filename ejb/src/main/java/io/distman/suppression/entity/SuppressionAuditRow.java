package io.distman.suppression.entity;

import java.io.Serializable;
import java.time.Instant;

/** A manual addition or removal, as the support screen lists them; {@code category} is "all" or one category. */
public record SuppressionAuditRow(long id, String address, String action, String reason, String category,
                                  String detail, Long sourceDeliveryId, Instant entryCreated, Instant expires,
                                  String note, String username, Instant at) implements Serializable {

    public static SuppressionAuditRow of(SuppressionAudit a) {
        return new SuppressionAuditRow(a.getId(), a.getAddress(), a.getKind().name(), a.getReason(),
                a.getCategory() == null ? "all" : a.getCategory().name(), a.getDetail(), a.getSourceDeliveryId(),
                a.getEntryCreatedAt(), a.getExpiresAt(), a.getNote(), a.getUsername(), a.getActedAt());
    }
}
