package io.distman.suppression.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * One entry of the suppression list as the support screen shows it.
 * @param category the only category it stops, or "all"
 * @param sourceDeliveryId the delivery whose bounce, complaint or unsubscribe caused it; null if added by hand
 * @param createdBy the support user who added it by hand; null when the policy did
 * @param active whether it stops mail now (an expired entry is kept until replaced or removed)
 */
public record SuppressionRow(long id, String address, String reason, String category, String detail,
                             Long sourceDeliveryId, Instant created, Instant expires, String createdBy,
                             boolean active) implements Serializable {

    public static SuppressionRow of(Suppression s, Instant now) {
        return new SuppressionRow(s.getId(), s.getAddress(), s.getReason(),
                s.getCategory() == null ? "all" : s.getCategory().name(), s.getDetail(), s.getSourceDeliveryId(),
                s.getCreatedAt(), s.getExpiresAt(), s.getCreatedBy(), s.isActiveAt(now));
    }
}
