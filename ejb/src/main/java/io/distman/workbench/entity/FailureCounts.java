package io.distman.workbench.entity;

import io.distman.message.entity.DeliveryStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workbench widget shows: the account's deliveries created in [{@code from}, {@code until}) per
 * status of {@link #STATUSES}, zero where there were none.
 */
public record FailureCounts(Instant from, Instant until, Map<DeliveryStatus, Long> counts) implements Serializable {

    /** The statuses the widget counts, in the order it shows them. */
    public static final List<DeliveryStatus> STATUSES = List.of(DeliveryStatus.FAILED, DeliveryStatus.COMPLAINED,
            DeliveryStatus.REJECTED, DeliveryStatus.UNSUBSCRIBED);

    public FailureCounts {
        // Insertion-ordered, so the map iterates in the order the widget shows (an EnumMap would use the enum's).
        Map<DeliveryStatus, Long> all = new LinkedHashMap<>();
        STATUSES.forEach(s -> all.put(s, 0L));
        if (counts != null) {
            counts.forEach((status, n) -> {
                if (all.containsKey(status)) {
                    all.put(status, n);
                }
            });
        }
        counts = java.util.Collections.unmodifiableMap(all);
    }

    public long of(DeliveryStatus status) {
        return counts.getOrDefault(status, 0L);
    }
}
