package io.distman.submission.entity;

import java.io.Serializable;
import java.util.List;

/**
 * What {@code submit} returns.
 *
 * @param duplicate true when the idempotency key was seen before and this is the first submission's receipt
 */
public record SubmitReceipt(long messageId, boolean duplicate, List<DeliveryReceipt> deliveries)
        implements Serializable {
}
