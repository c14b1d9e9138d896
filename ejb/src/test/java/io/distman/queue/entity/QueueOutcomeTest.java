package io.distman.queue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.distman.queue.entity.QueueOutcome.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOutcomeTest {

    @Test
    void refusalsAreCountedByReasonForTheGrowl() {
        QueueOutcome outcome = new QueueOutcome(List.of(1L), List.of(new Refusal(2, "not found"),
                new Refusal(3, "already sent"), new Refusal(4, "already sent")));
        assertEquals("already sent: 2, not found: 1", outcome.refusalSummary());
        assertEquals("", new QueueOutcome(List.of(1L), List.of()).refusalSummary());
    }
}
