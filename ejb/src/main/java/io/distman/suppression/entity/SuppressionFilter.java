package io.distman.suppression.entity;

import java.io.Serializable;

/**
 * What the support screen searches for.
 * @param addressPart part of the address, case-insensitive; null or blank for any
 * @param reason one reason (HARD_BOUNCE, COMPLAINT, UNSUBSCRIBE, SOFT_BOUNCE, MANUAL); null or blank for any
 * @param activeOnly leave out entries that have expired
 */
public record SuppressionFilter(String addressPart, String reason, boolean activeOnly) implements Serializable {

    public static final SuppressionFilter ALL = new SuppressionFilter(null, null, false);
}
