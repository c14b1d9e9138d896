package io.distman.queue.entity;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a Queue action did to the deliveries it was given: each one done or refused with a short reason,
 * each in a transaction of its own, so one refusal never undoes the others.
 *
 * @param done    the deliveries the action was carried out on
 * @param refused the others, each with why ("already sent", "being sent", "not found", ...)
 */
public record QueueOutcome(List<Long> done, List<Refusal> refused) implements Serializable {

    public record Refusal(long deliveryId, String reason) implements Serializable {
    }

    public QueueOutcome {
        done = List.copyOf(done);
        refused = List.copyOf(refused);
    }

    /** "already sent: 2, not found: 1" -- the refusals by reason, for the screen's message. */
    public String refusalSummary() {
        Map<String, Long> byReason = refused.stream()
                .collect(Collectors.groupingBy(Refusal::reason, TreeMap::new, Collectors.counting()));
        return byReason.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
