package io.distman.feedback.entity;

/**
 * What became of one returned message.
 *
 * @param kind       the classification of its first recipient (hard, soft, complaint, autoreply, delivered, unknown)
 * @param duplicate  the same message was received before and changed nothing now
 */
public record BounceOutcome(String kind, int recipients, int matched, boolean duplicate) {
}
