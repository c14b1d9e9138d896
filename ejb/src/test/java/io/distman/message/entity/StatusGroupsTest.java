package io.distman.message.entity;

import static io.distman.message.entity.DeliveryStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusGroupsTest {

    @Test
    void queueAndHistoryNeverOverlap() {
        Set<DeliveryStatus> both = EnumSet.copyOf(StatusGroups.QUEUED);
        both.retainAll(StatusGroups.SENT);
        assertTrue(both.isEmpty(), both.toString());
    }

    @Test
    void aPickNarrowsTheGroupButNeverLeavesIt() {
        assertEquals(Set.of(TEMPORARY_FAILURE), StatusGroups.within(StatusGroups.QUEUED, Set.of(TEMPORARY_FAILURE, ACCEPTED)));
        assertEquals(StatusGroups.QUEUED, StatusGroups.within(StatusGroups.QUEUED, Set.of()));
        assertEquals(StatusGroups.QUEUED, StatusGroups.within(StatusGroups.QUEUED, null));
        assertEquals(StatusGroups.SENT, StatusGroups.within(StatusGroups.SENT, Set.of(PENDING)), "only outside statuses: the whole group");
    }
}
