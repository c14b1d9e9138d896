package io.distman.message.boundary;

import io.distman.message.entity.Delivery;
import io.distman.message.entity.StatusChange;
import java.util.Collection;
import java.util.Map;

/**
 * Fired synchronously, inside the recording transaction, before a batch of status changes is applied,
 * so that an observer can read in one query what the batch will touch (the suppression policy reads the
 * soft-failure counters of all addresses at once). An observer's exception rolls the batch back.
 */
public record StatusChangesArriving(Collection<Map.Entry<Delivery, StatusChange>> changes) {
}
