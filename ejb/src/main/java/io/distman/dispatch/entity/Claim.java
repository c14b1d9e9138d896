package io.distman.dispatch.entity;

import java.io.Serializable;

/**
 * One delivery leased to one dispatcher for one attempt: the fencing token its result is recorded
 * with. A result is recorded only while the delivery is still SENDING under this owner and attempt; once
 * the lease has run out and another dispatcher has claimed the delivery, the late sender's result can
 * neither overwrite the newer attempt nor clear its lease.
 *
 * @param owner   the claimant (a dispatch partition, or {@code user:<name>} for a send-now)
 * @param attempt the delivery's attempt number that this claim began
 */
public record Claim(long deliveryId, String owner, int attempt) implements Serializable {
}
