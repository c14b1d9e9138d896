package io.distman.feedback.entity;

/**
 * What the recorder made of one {@link FeedbackEvent}.
 *
 * @param deliveryId      the delivery it is about, or {@code null} when it matched none
 * @param accountId       that delivery's account, or {@code null}
 * @param unmatchedReason why it matched no delivery (kept with the unmatched event), or {@code null}
 * @param appended        a new event was appended to the delivery's timeline (not a repeat, and a status)
 */
public record FeedbackOutcome(Long deliveryId, Long accountId, String unmatchedReason, boolean appended) {

    public static FeedbackOutcome unmatched(String reason) {
        return new FeedbackOutcome(null, null, reason, false);
    }

    public boolean matched() {
        return deliveryId != null;
    }
}
