package io.distman.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.distman.message.entity.Category;
import io.distman.tracking.entity.TrackingChoice;
import org.junit.jupiter.api.Test;

class TrackingChoiceTest {

    @Test
    void defaultsTrackMailingsFullyDemandsByOpenAndTransactionalMailNot() {
        assertEquals(new TrackingChoice(true, true), TrackingChoice.byDefault(Category.BULK));
        assertEquals(new TrackingChoice(true, false), TrackingChoice.byDefault(Category.ESSENTIAL));
        assertFalse(TrackingChoice.byDefault(Category.TRANSACTIONAL).any());
    }
}
