package io.distman.message.entity;

import static io.distman.message.entity.DeliveryStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusPrecedenceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    /** The expected rank of every status, written out independently of the implementation's table. */
    private static int expectedRank(DeliveryStatus s) {
        return switch (s) {
            case PENDING, SCHEDULED, PENDING_DIGEST, SENDING, TEMPORARY_FAILURE, ACCEPTED -> 0;
            case CANCELLED, EMAIL_MISSING, SUPPRESSED, OPTED_OUT -> 10;
            case DELIVERED -> 20;
            case FAILED, REJECTED -> 30;
            case PRINTED -> 35;
            case OPENED -> 40;
            case CLICKED -> 50;
            case UNSUBSCRIBED -> 60;
            case COMPLAINED -> 70;
        };
    }

    @Test
    void everyPairInEveryTimeOrderFollowsTheTable() {
        int checked = 0;
        for (DeliveryStatus current : DeliveryStatus.values()) {
            for (DeliveryStatus incoming : DeliveryStatus.values()) {
                for (boolean incomingLater : new boolean[] {true, false}) {
                    Instant currentAt = incomingLater ? T0 : T1;
                    Instant incomingAt = incomingLater ? T1 : T0;
                    boolean expected = expectedRank(incoming) > expectedRank(current)
                            || (expectedRank(incoming) == expectedRank(current) && incomingLater);
                    assertEquals(expected, StatusPrecedence.replaces(current, currentAt, incoming, incomingAt),
                            () -> incoming + (incomingLater ? " after " : " before ") + current);
                    checked++;
                }
                // Same instant: the newcomer wins within a rank.
                assertEquals(expectedRank(incoming) >= expectedRank(current),
                        StatusPrecedence.replaces(current, T0, incoming, T0), () -> incoming + " at same time as " + current);
            }
        }
        assertEquals(DeliveryStatus.values().length * DeliveryStatus.values().length * 2, checked);
    }

    @Test
    void theCasesTheIssueNames() {
        assertFalse(StatusPrecedence.replaces(OPENED, T1, DELIVERED, T0), "Delivered reported after Opened keeps Opened");
        assertFalse(StatusPrecedence.replaces(OPENED, T0, DELIVERED, T1), "a late Delivered never demotes Opened");
        assertTrue(StatusPrecedence.replaces(DELIVERED, T0, FAILED, T1), "a bounce after Delivered becomes Failed");
        assertTrue(StatusPrecedence.replaces(TEMPORARY_FAILURE, T0, ACCEPTED, T1), "a retry that succeeds is Accepted");
        assertFalse(StatusPrecedence.replaces(ACCEPTED, T1, TEMPORARY_FAILURE, T0), "a stale deferral does not undo a later acceptance");
        assertTrue(StatusPrecedence.replaces(TEMPORARY_FAILURE, T0, FAILED, T1), "giving up turns a temporary failure permanent");
        assertTrue(StatusPrecedence.replaces(PENDING, T0, CANCELLED, T1));
        assertTrue(StatusPrecedence.replaces(CLICKED, T0, COMPLAINED, T1));
        assertTrue(StatusPrecedence.replaces(null, T0, PENDING, T0), "the first status always applies");
        assertTrue(StatusPrecedence.replaces(EMAIL_MISSING, T0, PRINTED, T1), "a letter printed for want of an address");
        assertTrue(StatusPrecedence.replaces(FAILED, T0, PRINTED, T1), "a letter printed after the email failed for good");
        assertFalse(StatusPrecedence.replaces(PRINTED, T0, FAILED, T1), "a late bounce does not hide the printed letter");
        assertFalse(StatusPrecedence.replaces(PRINTED, T0, DELIVERED, T1), "nor a late delivery report");
        assertTrue(StatusPrecedence.replaces(PRINTED, T0, PRINTED, T1), "a reprint follows time");
        assertTrue(StatusPrecedence.replaces(PRINTED, T0, OPENED, T1), "an open proves the email was read after all");
    }

    @Test
    void theResultDoesNotDependOnArrivalOrder() {
        Random random = new Random(42);
        List<DeliveryStatus> all = List.of(DeliveryStatus.values());
        for (int round = 0; round < 2000; round++) {
            List<Object[]> events = new ArrayList<>();
            int n = 2 + random.nextInt(6);
            Set<Instant> used = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                Instant at;
                do {
                    at = T0.plusSeconds(random.nextInt(10_000));
                } while (!used.add(at));
                events.add(new Object[] {all.get(random.nextInt(all.size())), at});
            }
            DeliveryStatus first = fold(events);
            for (int shuffle = 0; shuffle < 5; shuffle++) {
                Collections.shuffle(events, random);
                assertEquals(first, fold(events), "same events, another order");
            }
        }
    }

    @Test
    void everyStatusHasARank() {
        for (DeliveryStatus s : DeliveryStatus.values()) {
            assertEquals(expectedRank(s), StatusPrecedence.rankOf(s), s::name);
        }
    }

    private static DeliveryStatus fold(List<Object[]> events) {
        DeliveryStatus current = null;
        Instant currentAt = null;
        for (Object[] e : events) {
            DeliveryStatus s = (DeliveryStatus) e[0];
            Instant at = (Instant) e[1];
            if (StatusPrecedence.replaces(current, currentAt, s, at)) {
                current = s;
                currentAt = at;
            }
        }
        return current;
    }
}
