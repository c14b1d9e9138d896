package io.distman.message.entity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides a delivery's current status from the one it has and a newly reported one, so that late
 * and out-of-order events never move it backwards.
 *
 * <p>Statuses are ranked. A higher rank always wins whenever it happened: a Delivered reported after
 * an Opened keeps Opened; a bounce after Delivered makes it Failed. Within one rank the event that
 * happened later wins (ties go to the newcomer), which is what the send-and-retry cycle needs:
 * Sending → Temporary failure → Sending → Accepted are all one rank and simply follow time.
 *
 * <pre>
 * rank  statuses                                          why
 *   0   PENDING SCHEDULED PENDING_DIGEST SENDING          in flight: the latest step of the
 *       TEMPORARY_FAILURE ACCEPTED                         send/retry cycle is the truth
 *  10   CANCELLED EMAIL_MISSING SUPPRESSED OPTED_OUT      stopped before sending
 *  20   DELIVERED                                          the receiving server took it
 *  30   FAILED REJECTED                                    a bounce can follow a delivery report
 *  35   PRINTED                                            went by post instead: a late bounce or delivery
 *                                                          report of the email must not hide that it was printed
 *  40   OPENED                                             a human open proves it arrived
 *  50   CLICKED                                            ...and was read
 *  60   UNSUBSCRIBED                                       the recipient's answer outlives engagement
 *  70   COMPLAINED                                         the strongest signal, never overwritten
 * </pre>
 * PRINTED sits above what the email itself can say about failing or arriving (it is only ever recorded for a
 * letter whose email never left or failed for good), and below a human open or click, which would prove the
 * email was read after all. Printing again (a reprint) is the same rank and later, so it simply follows time.
 * Because the result depends only on the ranks and times, the same set of events gives the same
 * status in whatever order they arrive.
 */
public final class StatusPrecedence {

    private static final Map<DeliveryStatus, Integer> RANK = new EnumMap<>(DeliveryStatus.class);

    static {
        rank(0, DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED, DeliveryStatus.PENDING_DIGEST,
                DeliveryStatus.SENDING, DeliveryStatus.TEMPORARY_FAILURE, DeliveryStatus.ACCEPTED);
        rank(10, DeliveryStatus.CANCELLED, DeliveryStatus.EMAIL_MISSING, DeliveryStatus.SUPPRESSED,
                DeliveryStatus.OPTED_OUT);
        rank(20, DeliveryStatus.DELIVERED);
        rank(30, DeliveryStatus.FAILED, DeliveryStatus.REJECTED);
        rank(35, DeliveryStatus.PRINTED);
        rank(40, DeliveryStatus.OPENED);
        rank(50, DeliveryStatus.CLICKED);
        rank(60, DeliveryStatus.UNSUBSCRIBED);
        rank(70, DeliveryStatus.COMPLAINED);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            if (!RANK.containsKey(status)) {
                throw new ExceptionInInitializerError("No precedence rank for " + status);
            }
        }
    }

    private StatusPrecedence() {
    }

    private static void rank(int rank, DeliveryStatus... statuses) {
        for (DeliveryStatus status : statuses) {
            RANK.put(status, rank);
        }
    }

    public static int rankOf(DeliveryStatus status) {
        return RANK.get(status);
    }

    /**
     * @return true when a status reported to have happened at {@code incomingAt} replaces the current
     * one, which took effect at {@code currentAt}
     */
    public static boolean replaces(DeliveryStatus current, Instant currentAt, DeliveryStatus incoming, Instant incomingAt) {
        if (current == null) {
            return true;
        }
        int byRank = Integer.compare(rankOf(incoming), rankOf(current));
        if (byRank != 0) {
            return byRank > 0;
        }
        return !incomingAt.isBefore(currentAt);
    }
}
